namespace RecLab.Evaluation.Metrics;

/// <summary>HitRate@N: 1 when at least one relevant item is among the first N, else 0; its mean is the share of users served a hit.</summary>
public sealed class HitRate : CutoffMetric, IRankingMetric
{
    /// <summary>Hit rate at list length <paramref name="n"/>.</summary>
    public HitRate(int n)
        : base("hit", n)
    {
    }

    /// <inheritdoc />
    /// <returns>1 or 0, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant) =>
        relevant.Count == 0 ? double.NaN : Cutoff.FirstHit(ranked, N, relevant) >= 0 ? 1.0 : 0.0;
}
