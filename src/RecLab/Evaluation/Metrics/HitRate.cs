namespace RecLab.Evaluation.Metrics;

/// <summary>HitRate@N: 1 when at least one relevant item is among the first N, else 0; its mean is the share of users served a hit.</summary>
public sealed class HitRate : IRankingMetric
{
    /// <summary>Hit rate at list length <paramref name="n"/>.</summary>
    public HitRate(int n)
    {
        N = Cutoff.Check(n);
        Name = Cutoff.Name("hit", n);
    }

    /// <inheritdoc />
    public int N { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool HigherIsBetter => true;

    /// <inheritdoc />
    /// <returns>1 or 0, or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant) =>
        relevant.Count == 0 ? double.NaN : Cutoff.FirstHit(ranked, N, relevant) >= 0 ? 1.0 : 0.0;
}
