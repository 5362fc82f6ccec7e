namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Average precision at N, whose mean over users is MAP@N:
/// <c>AP@N = (Σ_{k ≤ N, L[k] ∈ R} P@k) / min(N, |R|)</c>, where <c>P@k</c> is the precision of the first k entries.
/// </summary>
/// <remarks>
/// The denominator <c>min(N, |R|)</c> lets a user with few relevant items reach 1 and keeps a user with many from being
/// capped below 1; Microsoft Recommenders' <c>map_at_k</c> uses the same denominator (their <c>map</c> uses |R|, and
/// LensKit's AveragePrecision uses <c>min(|R|, list length)</c>).
/// </remarks>
public sealed class AveragePrecision : CutoffMetric, IRankingMetric
{
    /// <summary>Average precision at list length <paramref name="n"/>.</summary>
    public AveragePrecision(int n)
        : base("map", n)
    {
    }

    /// <inheritdoc />
    /// <returns>AP@N, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant)
    {
        if (relevant.Count == 0)
            return double.NaN;
        var len = Math.Min(N, ranked.Length);
        var hits = 0;
        var sum = 0.0;
        for (var k = 0; k < len; k++)
        {
            if (!relevant.Contains(ranked[k]))
                continue;
            hits++;
            sum += (double)hits / (k + 1);
        }
        return sum / Math.Min(N, relevant.Count);
    }
}
