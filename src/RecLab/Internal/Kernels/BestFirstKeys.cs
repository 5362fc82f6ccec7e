using System.Runtime.CompilerServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// A (score, item) pair packed into one 64-bit key whose ascending order is best first: score descending, then item
/// ascending, the order of <see cref="WorstFirstHeap"/> and <see cref="TopN"/>. One integer compare replaces a float
/// compare with a tie test, so a bounded heap of keys (<see cref="Push"/>, <see cref="ReplaceWorst"/>) keeps the same
/// entries as <see cref="WorstFirstHeap"/> with a cheaper sift-down, and sorting the keys sorts the list.
/// </summary>
/// <remarks>
/// Items must be non-negative and scores not NaN. −0 is packed as +0 (they are equal scores, so the tie goes to the
/// item, as in <see cref="WorstFirstHeap.Worse"/>), and so reads back as +0.
/// </remarks>
internal static class BestFirstKeys
{
    /// <summary>The key of <paramref name="item"/> scored <paramref name="score"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(float score, int item)
    {
        var bits = BitConverter.SingleToUInt32Bits(score);
        if (bits == 0x8000_0000u)
            bits = 0;
        // Ascending unsigned order of `ordered` is ascending score; its complement puts the best first.
        var ordered = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)~ordered << 32) | (uint)item;
    }

    /// <summary>The score packed in <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Score(ulong key)
    {
        var ordered = ~(uint)(key >> 32);
        return BitConverter.UInt32BitsToSingle((ordered & 0x8000_0000u) != 0 ? ordered & 0x7FFF_FFFFu : ~ordered);
    }

    /// <summary>The item packed in <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Item(ulong key) => (int)(uint)key;

    /// <summary>
    /// Sorts <paramref name="keys"/> (best first) and writes each one's score and item to the same position of
    /// <paramref name="scores"/> and <paramref name="items"/>, which are at least as long.
    /// </summary>
    public static void SortInto(Span<ulong> keys, Span<float> scores, Span<int> items)
    {
        keys.Sort();
        for (var k = 0; k < keys.Length; k++)
        {
            scores[k] = Score(keys[k]);
            items[k] = Item(keys[k]);
        }
    }

    /// <summary>
    /// Adds <paramref name="key"/> to the heap <c>heap[..count]</c> (largest key, the worst entry, at the root) as its
    /// entry <paramref name="count"/>.
    /// </summary>
    public static void Push(Span<ulong> heap, int count, ulong key)
    {
        var at = count;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (heap[parent] >= key)
                break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = key;
    }

    /// <summary>
    /// Replaces the root of the full heap <paramref name="heap"/> (the worst entry) with <paramref name="key"/>, which
    /// must be smaller, and sifts it down. The larger child is chosen arithmetically, not by a branch that the scores'
    /// order makes a coin toss: this sift-down was half of ab-large's selection time with a branch and two arrays.
    /// </summary>
    public static void ReplaceWorst(Span<ulong> heap, ulong key)
    {
        var n = heap.Length;
        var at = 0;
        var child = 1;
        while (child + 1 < n)
        {
            child += heap[child + 1] > heap[child] ? 1 : 0;
            if (heap[child] <= key)
            {
                heap[at] = key;
                return;
            }
            heap[at] = heap[child];
            at = child;
            child = 2 * at + 1;
        }
        if (child < n && heap[child] > key)
        {
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = key;
    }
}
