using MathNet.Numerics.Statistics;
using RecLab.Data;

namespace RecLab.Notebooks.Tests;

public sealed class FactorMapTests
{
    // Six items spread along (1, 1, 0) by t, with a little spread along (0, 0, 1): the first principal axis is (1, 1, 0).
    private static readonly float[] T = [-2, -1, 0, 0.5f, 1, 3];
    private static readonly float[] E = [0.1f, 0.1f, -0.2f, -0.2f, 0.1f, 0.1f]; // uncorrelated with T, so the axes are exact

    private static float[] Vector(int item) => [T[item], T[item], E[item]];

    private static FactorMap Map() => FactorMap.Of([0, 1, 2, 3, 4, 5], i => Vector(i), axes: 2);

    [Fact]
    public void The_first_axis_holds_the_direction_the_items_vary_most_and_its_share_of_the_variance()
    {
        var map = Map();

        var spread = 2 * T.Select(t => (double)t).Sum(t => (t - T.Average()) * (t - T.Average()));
        var noise = E.Select(e => (double)e).Sum(e => (e - E.Average()) * (e - E.Average()));
        Assert.Equal(2, map.Axes);
        Assert.Equal(spread / (spread + noise), map.VarianceShares[0], 1e-6);
        Assert.Equal(1, map.VarianceShares.Sum(), 1e-6);
        // Coordinates along (1, 1, 0)/√2 are √2 (t - mean t), oriented so the largest |coordinate| (t = 3) is positive.
        for (var i = 0; i < T.Length; i++)
            Assert.Equal(Math.Sqrt(2) * (T[i] - T.Average()), map.Coordinate(i, 0), 1e-4);
    }

    [Fact]
    public void The_ends_of_an_axis_list_the_most_extreme_items_first()
    {
        var map = Map();

        Assert.Equal([5, 4], map.End(0, 2, high: true).Select(r => r.Item));
        Assert.Equal([0, 1], map.End(0, 2, high: false).Select(r => r.Item));
    }

    [Fact]
    public void A_feature_carried_by_the_high_end_correlates_positively_with_the_first_axis()
    {
        var items = IdMap.Sequential(6);
        var builder = new ItemFeaturesBuilder();
        foreach (var i in new[] { 4, 5 })
            builder.Add(i, "genre", "epic");
        foreach (var i in new[] { 0, 1 })
            builder.Add(i, "genre", "short");
        builder.Add(2, "decade", "1990s");

        var rows = Map().Correlations(builder.Build(items), "genre");

        // The first axis is t up to scale and shift, so its correlations are those of t with the indicators.
        var t = T.Select(v => (double)v).ToArray();
        Assert.Equal(["epic", "short"], rows.Select(r => r.Feature));
        Assert.Equal(Correlation.Pearson([0, 0, 0, 0, 1, 1], t), rows[0].Correlations[0], 1e-4);
        Assert.Equal(Correlation.Pearson([1, 1, 0, 0, 0, 0], t), rows[1].Correlations[0], 1e-4);
        Assert.True(rows[0].Correlations[0] > 0.5 && rows[1].Correlations[0] < -0.5);
    }

    [Fact]
    public void Refuses_fewer_than_two_items_and_vectors_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => FactorMap.Of([0], i => Vector(i)));
        Assert.Throws<ArgumentException>(() => FactorMap.Of([0, 1], i => i == 0 ? new float[3] : new float[2]));
    }
}
