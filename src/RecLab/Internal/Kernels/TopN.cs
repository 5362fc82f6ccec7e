using System.Numerics;
using System.Runtime.InteropServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Selects the N highest scores with a bounded min-heap (<see cref="WorstFirstHeap"/>), skipping whole SIMD blocks that cannot enter it.
/// Order: score descending, then item index ascending; NaN never selected. Twin: <see cref="TopNNaive"/>.
/// </summary>
internal static class TopN
{
    /// <summary>Writes up to <c>items.Length</c> best items (and their scores) best first; returns the count.</summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> items, Span<float> topScores)
    {
        var k = Math.Min(items.Length, topScores.Length);
        if (k == 0)
            return 0;
        var heapScores = topScores[..k];
        var heapItems = items[..k];
        var count = 0;
        var i = 0;

        // Fill the heap with the first k scorable items.
        for (; i < scores.Length && count < k; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s))
                continue;
            heapScores[count] = s;
            heapItems[count] = i;
            WorstFirstHeap.SiftUp(heapScores, heapItems, count);
            count++;
        }

        if (count == k)
        {
            // Later items tie-lose to every item already held (their index is higher), so only s > root enters.
            var threshold = heapScores[0];
            if (Vector.IsHardwareAccelerated && scores.Length - i >= Vector<float>.Count)
            {
                var blocks = MemoryMarshal.Cast<float, Vector<float>>(scores[i..]);
                var vectorEnd = i + blocks.Length * Vector<float>.Count;
                for (var b = 0; b < blocks.Length; b++)
                {
                    if (!Vector.GreaterThanAny(blocks[b], new Vector<float>(threshold)))
                        continue;
                    var start = i + b * Vector<float>.Count;
                    for (var j = start; j < start + Vector<float>.Count; j++)
                    {
                        if (scores[j] > threshold)
                        {
                            WorstFirstHeap.ReplaceRoot(heapScores, heapItems, scores[j], j);
                            threshold = heapScores[0];
                        }
                    }
                }
                i = vectorEnd;
            }
            for (; i < scores.Length; i++)
            {
                if (scores[i] > threshold)
                {
                    WorstFirstHeap.ReplaceRoot(heapScores, heapItems, scores[i], i);
                    threshold = heapScores[0];
                }
            }
        }

        SortBestFirst(heapScores[..count], heapItems[..count]);
        return count;
    }

    /// <summary>
    /// Sorts a worst-first heap of distinct items best first: score descending, then item ascending. The
    /// order is total, so any correct sort gives the same list; this one sorts packed 64-bit keys (the score's bits made
    /// to order as unsigned integers, the item below them) with the runtime's primitive sort, several times faster than
    /// the heapsort it replaced on the simulator's 800- and 3,200-deep rankings, where the sort cost as much as a third
    /// of the selection.
    /// </summary>
    internal static void SortBestFirst(Span<float> s, Span<int> it)
    {
        var n = s.Length;
        if (n < 2)
            return;
        var rented = n <= 1024 ? null : System.Buffers.ArrayPool<ulong>.Shared.Rent(n);
        var keys = rented is null ? stackalloc ulong[n] : rented.AsSpan(0, n);
        for (var k = 0; k < n; k++)
        {
            var bits = BitConverter.SingleToUInt32Bits(s[k]);
            // -0 equals +0 as a score (the tie goes to the lower item), but a key gives it back as +0: the heapsort keeps its bits.
            if (bits == 0x8000_0000u || it[k] < 0)
            {
                if (rented is not null)
                    System.Buffers.ArrayPool<ulong>.Shared.Return(rented);
                HeapSortBestFirst(s, it);
                return;
            }
            keys[k] = BestFirstKeys.Pack(s[k], it[k]);
        }
        BestFirstKeys.SortInto(keys, s, it);
        if (rented is not null)
            System.Buffers.ArrayPool<ulong>.Shared.Return(rented);
    }

    /// <summary>Heapsort of a worst-first heap into best-first order: the root (the worst entry left) goes to the end.</summary>
    internal static void HeapSortBestFirst(Span<float> s, Span<int> it)
    {
        for (var end = s.Length - 1; end > 0; end--)
        {
            var (lastScore, lastItem) = (s[end], it[end]);
            s[end] = s[0];
            it[end] = it[0];
            WorstFirstHeap.ReplaceRoot(s[..end], it[..end], lastScore, lastItem);
        }
    }
}
