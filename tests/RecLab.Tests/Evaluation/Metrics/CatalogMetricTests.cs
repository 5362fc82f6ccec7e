using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class CatalogMetricTests
{
    private static ListContext Catalogue(int items) => new(new int[items], userCount: 10);

    [Fact]
    public void Coverage_counts_items_exposed_at_least_once_over_the_whole_catalogue()
    {
        // Items 0 and 2 of 5 appear in some list: 2 / 5.
        Assert.Equal(0.4, new CatalogCoverage(10).Measure([3, 0, 1, 0, 0], Catalogue(5)), 12);
        Assert.Equal(0.0, new CatalogCoverage(10).Measure([0, 0, 0], Catalogue(3)));
    }

    [Fact]
    public void Gini_hand_computed()
    {
        var gini = new Gini(10);
        // Sorted x = 1, 2, 3, 4 (n = 4, Σx = 10): Σ(2i − n − 1)x = −3·1 − 1·2 + 1·3 + 3·4 = 10; G = 10 / (3 · 10).
        Assert.Equal(1.0 / 3, gini.Measure([4, 1, 3, 2], Catalogue(4)), 12);
        // Unexposed items count: x = 0, 0, 1, 3 (Σx = 4): 1·1 + 3·3 = 10; G = 10 / (3 · 4).
        Assert.Equal(10.0 / 12, gini.Measure([3, 0, 1, 0], Catalogue(4)), 12);
    }

    [Fact]
    public void Gini_index_of_real_amounts_matches_hand_computed_values()
    {
        Assert.Equal(0, Gini.Index([1.5, 1.5, 1.5, 1.5]), 12);
        Assert.Equal(1, Gini.Index([0, 0, 0, 5.25]), 12);
        // Sorted 0.5, 1, 1.5, 2: Σ (2i − 5)·x_i = −1.5 − 1 + 1.5 + 6 = 5, over (n − 1)·Σx = 15.
        Assert.Equal(1.0 / 3, Gini.Index([2, 0.5, 1.5, 1]), 12);
        Assert.True(double.IsNaN(Gini.Index([0, 0])));
        Assert.Equal(0, Gini.Index([7.0]));
        Assert.Throws<ArgumentException>(() => Gini.Index([1, -0.5]));
    }

    [Fact]
    public void Gini_is_zero_for_equal_exposure_and_one_when_one_item_gets_everything()
    {
        var gini = new Gini(10);
        Assert.Equal(0.0, gini.Measure([2, 2, 2, 2], Catalogue(4)), 12);
        Assert.Equal(1.0, gini.Measure([0, 0, 7, 0, 0], Catalogue(5)), 12);
    }

    [Fact]
    public void Gini_of_no_exposure_is_undefined()
    {
        Assert.True(double.IsNaN(new Gini(10).Measure([0, 0, 0], Catalogue(3))));
    }

    [Fact]
    public void Exposure_counts_must_cover_the_catalogue()
    {
        Assert.Throws<ArgumentException>(() => new Gini(10).Measure([1, 2], Catalogue(3)));
        Assert.Throws<ArgumentException>(() => new CatalogCoverage(10).Measure([1, 2], Catalogue(3)));
        Assert.Throws<ArgumentException>(() => new Gini(10).Measure([1, -2, 3], Catalogue(3)));
    }

    [Fact]
    public void Direction_and_names()
    {
        Assert.False(new Gini(5).HigherIsBetter);
        Assert.True(new CatalogCoverage(5).HigherIsBetter);
        Assert.Equal("gini@5", new Gini(5).Name);
        Assert.Equal("coverage@5", new CatalogCoverage(5).Name);
    }
}
