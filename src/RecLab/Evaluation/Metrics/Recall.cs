namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Recall@N: the share of the user's relevant items found in the first N, <c>R@N = |L[1..N] ∩ R| / |R|</c>.
/// </summary>
/// <remarks>
/// The denominator is |R| (as Microsoft Recommenders), so a user with more than N relevant items cannot reach 1;
/// LensKit divides by <c>min(N, |R|)</c> instead.
/// </remarks>
public sealed class Recall : CutoffMetric, IRankingMetric
{
    /// <summary>Recall at list length <paramref name="n"/>.</summary>
    public Recall(int n)
        : base("recall", n)
    {
    }

    /// <inheritdoc />
    /// <returns>The recall, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant) =>
        relevant.Count == 0 ? double.NaN : (double)Cutoff.Hits(ranked, N, relevant) / relevant.Count;
}
