namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Average recommendation popularity at N (ARP, Abdollahpouri et al.): the mean training interaction count of the
/// listed items, <c>ARP = (1/|L|) Σ_{i ∈ L[1..N]} pop(i)</c>. Lower means a longer tail, so
/// <see cref="CutoffMetric.HigherIsBetter"/> is false.
/// </summary>
public sealed class AverageRecommendationPopularity : CutoffMetric, IListMetric
{
    /// <summary>ARP of the top <paramref name="n"/> items.</summary>
    public AverageRecommendationPopularity(int n)
        : base("arp", n, higherIsBetter: false)
    {
    }

    /// <inheritdoc />
    /// <returns>Mean popularity; NaN for an empty list.</returns>
    public double Measure(ReadOnlySpan<int> ranked, ListContext context)
    {
        var len = Math.Min(N, ranked.Length);
        if (len == 0)
            return double.NaN;
        var popularity = context.Popularity;
        long sum = 0;
        for (var k = 0; k < len; k++)
            sum += popularity[ranked[k]];
        return (double)sum / len;
    }
}
