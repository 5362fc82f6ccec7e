using System.Buffers;

namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Area under the ROC curve for one user over the candidates (items with a score, NaN = not a candidate):
/// <c>AUC = (1 / (|P|·|Q|)) Σ_{p∈P} Σ_{q∈Q} ([s_p &gt; s_q] + ½[s_p = s_q])</c>, with P the relevant candidates and Q the
/// other candidates; the Mann–Whitney U statistic divided by <c>|P|·|Q|</c>.
/// </summary>
/// <remarks>
/// Ties count one half, so a constant score vector gives 0.5. Relevant items without a score are not candidates and
/// drop out. Computed by sorting the relevant scores and a binary search per other candidate:
/// O(m log |P|) for m candidates, allocation-free (scratch from the stack or the array pool).
/// </remarks>
public sealed class Auc : IScoreMetric
{
    private const int StackLimit = 256;

    /// <inheritdoc />
    public string Name => "auc";

    /// <inheritdoc />
    public bool HigherIsBetter => true;

    /// <inheritdoc />
    /// <returns>AUC in [0, 1]; NaN when there is no relevant candidate or no other candidate.</returns>
    public double Measure(ReadOnlySpan<float> scores, RelevanceSet relevant)
    {
        if (scores.Length != relevant.ItemCount)
            throw new ArgumentException($"Expected one score per item ({relevant.ItemCount}), got {scores.Length}.", nameof(scores));
        var items = relevant.Items;
        float[]? rented = null;
        var positives = items.Count <= StackLimit ? stackalloc float[StackLimit] : (rented = ArrayPool<float>.Shared.Rent(items.Count));
        try
        {
            var p = 0;
            for (var j = 0; j < items.Count; j++)
            {
                var s = scores[items[j]];
                if (!float.IsNaN(s))
                    positives[p++] = s;
            }
            var pos = positives[..p];
            pos.Sort();

            // For each non-relevant candidate q: positives scoring above it count 1, equal ones 1/2.
            var wins = 0.0;
            long negatives = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var s = scores[i];
                if (float.IsNaN(s) || relevant.Contains(i))
                    continue;
                negatives++;
                var below = CountBelow(pos, s);
                var notAbove = below;
                while (notAbove < p && pos[notAbove] == s)
                    notAbove++;
                wins += (p - notAbove) + 0.5 * (notAbove - below);
            }
            return p == 0 || negatives == 0 ? double.NaN : wins / ((double)p * negatives);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<float>.Shared.Return(rented);
        }
    }

    // Number of values below s, by a branch-free binary search (random scores would defeat the branch predictor).
    private static int CountBelow(ReadOnlySpan<float> sorted, float s)
    {
        if (sorted.IsEmpty)
            return 0;
        var lo = 0;
        var n = sorted.Length;
        while (n > 1)
        {
            var half = n >> 1;
            lo = sorted[lo + half - 1] < s ? lo + half : lo;
            n -= half;
        }
        return lo + (sorted[lo] < s ? 1 : 0);
    }
}
