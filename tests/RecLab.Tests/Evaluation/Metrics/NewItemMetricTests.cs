using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class NewItemMetricTests
{
    // Training popularity: i1 and i3 are new (nobody interacted with them in training).
    private static readonly ListContext Context = new([3, 0, 1, 0], userCount: 2);

    [Fact]
    public void New_share_counts_new_items_over_n()
    {
        Assert.Equal(2.0 / 3, new NewItemShare(3).Measure([1, 0, 3], Context), 12);
        // A short list still divides by N, as precision does.
        Assert.Equal(1.0 / 4, new NewItemShare(4).Measure([3], Context), 12);
        Assert.Equal(0.0, new NewItemShare(2).Measure([0, 2], Context));
    }

    [Fact]
    public void New_exposure_weighs_positions_like_dcg()
    {
        // New items at ranks 1 and 3: (1 + 1/log2 4) / (1 + 1/log2 3 + 1/log2 4).
        var expected = (1 + 0.5) / (1 + 1 / Math.Log2(3) + 0.5);
        Assert.Equal(expected, new NewItemExposure(3).Measure([1, 0, 3], Context), 12);
        // The same items lower down get less: rank 2 and 3.
        Assert.Equal((1 / Math.Log2(3) + 0.5) / (1 + 1 / Math.Log2(3) + 0.5), new NewItemExposure(3).Measure([0, 1, 3], Context), 12);
        Assert.Equal(1.0, new NewItemExposure(2).Measure([3, 1], Context), 12);
    }

    [Fact]
    public void New_coverage_is_the_share_of_new_items_shown_to_anyone()
    {
        Assert.Equal(0.5, new NewItemCoverage(10).Measure([5, 2, 0, 0], Context));
        Assert.Equal(1.0, new NewItemCoverage(10).Measure([0, 1, 0, 4], Context));
        Assert.True(double.IsNaN(new NewItemCoverage(10).Measure([1, 1], new ListContext([2, 1], userCount: 2))));
    }

    [Fact]
    public void New_item_metrics_parse_by_name()
    {
        Assert.IsType<NewItemShare>(MetricSpec.Parse("new-share@10"));
        Assert.IsType<NewItemExposure>(MetricSpec.Parse("New-Exposure@5"));
        Assert.Equal("new-coverage@10", MetricSpec.Parse("new-coverage").Name);
    }
}
