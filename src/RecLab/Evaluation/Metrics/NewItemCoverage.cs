namespace RecLab.Evaluation.Metrics;

/// <summary>
/// New-item coverage at N: the share of new items (no training interaction) that appear in at least one evaluated
/// user's top N, <c>|{i : pop(i) = 0, exposure(i) &gt; 0}| / |{i : pop(i) = 0}|</c>.
/// </summary>
public sealed class NewItemCoverage : CutoffMetric, ICatalogMetric
{
    /// <summary>New-item coverage of the top <paramref name="n"/> lists.</summary>
    public NewItemCoverage(int n)
        : base("new-coverage", n)
    {
    }

    /// <inheritdoc />
    /// <returns>Coverage in [0, 1]; NaN when every item has training interactions.</returns>
    public double Measure(ReadOnlySpan<int> exposures, ListContext context)
    {
        Exposure.CheckLength(exposures, context);
        var popularity = context.Popularity;
        int fresh = 0, shown = 0;
        for (var i = 0; i < exposures.Length; i++)
        {
            if (popularity[i] != 0)
                continue;
            fresh++;
            if (exposures[i] > 0)
                shown++;
        }
        return fresh == 0 ? double.NaN : (double)shown / fresh;
    }
}
