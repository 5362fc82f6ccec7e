namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Reciprocal rank at N: <c>1 / k</c> with k the 1-based rank of the first relevant item among the first N, 0 when there
/// is none; its mean over users is MRR@N (LensKit's RecipRank, the same definition).
/// </summary>
public sealed class ReciprocalRank : CutoffMetric, IRankingMetric
{
    /// <summary>Reciprocal rank at list length <paramref name="n"/>.</summary>
    public ReciprocalRank(int n)
        : base("mrr", n)
    {
    }

    /// <inheritdoc />
    /// <returns>The reciprocal rank, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant)
    {
        if (relevant.Count == 0)
            return double.NaN;
        var first = Cutoff.FirstHit(ranked, N, relevant);
        return first < 0 ? 0.0 : 1.0 / (first + 1);
    }
}
