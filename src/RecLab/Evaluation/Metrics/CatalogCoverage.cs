namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Catalogue coverage at N: the share of catalogue items that appear in at least one evaluated user's top N,
/// <c>|∪_u L_u[1..N]| / |I|</c>, with |I| every item of the id space (also items never seen in training).
/// </summary>
public sealed class CatalogCoverage : CutoffMetric, ICatalogMetric
{
    /// <summary>Coverage of the top <paramref name="n"/> lists.</summary>
    public CatalogCoverage(int n)
        : base("coverage", n)
    {
    }

    /// <inheritdoc />
    /// <returns>Coverage in [0, 1]; NaN for an empty catalogue.</returns>
    public double Measure(ReadOnlySpan<int> exposures, ListContext context)
    {
        Exposure.CheckLength(exposures, context);
        var covered = 0;
        foreach (var e in exposures)
            if (e > 0)
                covered++;
        return context.ItemCount == 0 ? double.NaN : (double)covered / context.ItemCount;
    }
}
