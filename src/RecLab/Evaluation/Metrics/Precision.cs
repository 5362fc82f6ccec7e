namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Precision@N: the share of the N requested slots that hold a relevant item,
/// <c>P@N = |L[1..N] ∩ R| / N</c>, with L the ranked list and R the user's relevant test items.
/// </summary>
/// <remarks>
/// The denominator is N even when the list is shorter (a model that cannot fill its list is not rewarded for it), as in
/// Microsoft Recommenders and Spark; LensKit divides by the list length instead. A user with fewer than N relevant
/// items cannot reach 1.
/// </remarks>
public sealed class Precision : CutoffMetric, IRankingMetric
{
    /// <summary>Precision at list length <paramref name="n"/>.</summary>
    public Precision(int n)
        : base("precision", n)
    {
    }

    /// <inheritdoc />
    /// <returns>The precision, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant) =>
        relevant.Count == 0 ? double.NaN : (double)Cutoff.Hits(ranked, N, relevant) / N;
}
