namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Position-weighted exposure of new items at N (item cold start: how high new items are recommended): the DCG-style
/// attention the list gives to items nobody interacted with in training, over the attention of all N slots,
/// <c>Σ_{k ≤ N : pop(L[k]) = 0} 1/log2(k + 1) / Σ_{k=1..N} 1/log2(k + 1)</c>. One new item at the top counts more than
/// one at the bottom; a list of only new items scores 1.
/// </summary>
public sealed class NewItemExposure : CutoffMetric, IListMetric
{
    private readonly double[] _discount;
    private readonly double _total;

    /// <summary>New-item exposure of the top <paramref name="n"/>.</summary>
    public NewItemExposure(int n)
        : base("new-exposure", n)
    {
        _discount = new double[n];
        for (var k = 0; k < n; k++)
        {
            _discount[k] = 1.0 / Math.Log2(k + 2);
            _total += _discount[k];
        }
    }

    /// <inheritdoc />
    /// <returns>A share in [0, 1] (0 for an empty list).</returns>
    public double Measure(ReadOnlySpan<int> ranked, ListContext context)
    {
        var len = Math.Min(N, ranked.Length);
        var popularity = context.Popularity;
        var exposure = 0.0;
        for (var k = 0; k < len; k++)
            if (popularity[ranked[k]] == 0)
                exposure += _discount[k];
        return exposure / _total;
    }
}
