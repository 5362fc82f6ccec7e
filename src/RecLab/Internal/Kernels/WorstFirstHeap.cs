using System.Runtime.CompilerServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// A bounded min-heap over parallel (score, id) spans whose root is the worst kept entry: the lowest score, and among
/// equal scores the highest id. Offering entries in ascending id order keeps the same set as sorting them all by
/// score descending, id ascending (<see cref="TopN"/> and <see cref="NeighborSums"/> rely on it).
/// </summary>
internal static class WorstFirstHeap
{
    /// <summary>True when (scoreA, idA) ranks below (scoreB, idB).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Worse(float scoreA, int idA, float scoreB, int idB) =>
        scoreA < scoreB || (scoreA == scoreB && idA > idB);

    /// <summary>
    /// Offers an entry to a heap of <paramref name="size"/> entries with room for <c>scores.Length</c>: added while
    /// there is room, else it replaces the root when the root is worse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Offer(Span<float> scores, Span<int> ids, ref int size, float score, int id)
    {
        if (size < scores.Length)
        {
            scores[size] = score;
            ids[size] = id;
            SiftUp(scores, ids, size++);
        }
        else if (Worse(scores[0], ids[0], score, id))
        {
            ReplaceRoot(scores, ids, score, id);
        }
    }

    /// <summary>Restores the heap order after an entry was written at <paramref name="at"/> (the last place).</summary>
    public static void SiftUp(Span<float> s, Span<int> it, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!Worse(s[at], it[at], s[parent], it[parent]))
                break;
            (s[at], s[parent]) = (s[parent], s[at]);
            (it[at], it[parent]) = (it[parent], it[at]);
            at = parent;
        }
    }

    /// <summary>Replaces the root of a full heap (all of <paramref name="s"/>) and sifts it down.</summary>
    public static void ReplaceRoot(Span<float> s, Span<int> it, float score, int item)
    {
        s[0] = score;
        it[0] = item;
        var n = s.Length;
        var at = 0;
        while (true)
        {
            var left = 2 * at + 1;
            if (left >= n)
                break;
            var worst = left;
            var right = left + 1;
            if (right < n && Worse(s[right], it[right], s[left], it[left]))
                worst = right;
            if (!Worse(s[worst], it[worst], s[at], it[at]))
                break;
            (s[at], s[worst]) = (s[worst], s[at]);
            (it[at], it[worst]) = (it[worst], it[at]);
            at = worst;
        }
    }
}
