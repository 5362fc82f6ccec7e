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

    private static void SortBestFirst(Span<float> s, Span<int> it)
    {
        // Insertion sort: k is small (tens), and the heap is already partially ordered.
        for (var a = 1; a < s.Length; a++)
        {
            var score = s[a];
            var item = it[a];
            var b = a - 1;
            while (b >= 0 && WorstFirstHeap.Worse(s[b], it[b], score, item))
            {
                s[b + 1] = s[b];
                it[b + 1] = it[b];
                b--;
            }
            s[b + 1] = score;
            it[b + 1] = item;
        }
    }
}
