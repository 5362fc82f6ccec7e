namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Novelty at N: the mean self-information of the listed items,
/// <c>novelty = (1/|L|) Σ_{i ∈ L[1..N]} −log2(pop(i) / U)</c>, where pop(i) is the item's number of training
/// interactions and U the number of users with training data (Zhou et al. 2010; the "discovery" model of Castells et al.).
/// </summary>
/// <remarks>
/// An item with no training interactions is given pop = 1 (the rarest observable item, −log2(1/U)) instead of an
/// infinite value. Microsoft Recommenders divides by the number of training interactions rather than users, which
/// shifts every value by a constant.
/// </remarks>
public sealed class Novelty : CutoffMetric, IListMetric
{
    /// <summary>Novelty of the top <paramref name="n"/> items.</summary>
    public Novelty(int n)
        : base("novelty", n)
    {
    }

    /// <inheritdoc />
    /// <returns>Mean self-information in bits; NaN for an empty list or a context without users.</returns>
    public double Measure(ReadOnlySpan<int> ranked, ListContext context)
    {
        var len = Math.Min(N, ranked.Length);
        if (len == 0 || context.UserCount == 0)
            return double.NaN;
        var popularity = context.Popularity;
        var users = (double)context.UserCount;
        var sum = 0.0;
        for (var k = 0; k < len; k++)
            sum -= Math.Log2(Math.Max(popularity[ranked[k]], 1) / users);
        return sum / len;
    }
}
