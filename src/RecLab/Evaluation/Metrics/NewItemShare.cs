namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Share of new items at N (item cold start: how often new items are recommended): the listed items nobody interacted
/// with in training, over N, <c>|{k ≤ N : pop(L[k]) = 0}| / N</c>. N even when the list is shorter, as precision.
/// </summary>
public sealed class NewItemShare : CutoffMetric, IListMetric
{
    /// <summary>Share of new items in the top <paramref name="n"/>.</summary>
    public NewItemShare(int n)
        : base("new-share", n)
    {
    }

    /// <inheritdoc />
    /// <returns>A share in [0, 1] (0 for an empty list).</returns>
    public double Measure(ReadOnlySpan<int> ranked, ListContext context)
    {
        var len = Math.Min(N, ranked.Length);
        var popularity = context.Popularity;
        var fresh = 0;
        for (var k = 0; k < len; k++)
            if (popularity[ranked[k]] == 0)
                fresh++;
        return (double)fresh / N;
    }
}
