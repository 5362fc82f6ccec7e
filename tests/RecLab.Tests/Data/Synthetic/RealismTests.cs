using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

/// <summary>
/// The default world (<c>small</c>) looks like production data. Bands: 80k–160k implicit interactions (density
/// 0.08%–0.16% of users x items: a feed whose posts are clicked 1–2% of the time is sparse), the top 20% of items hold
/// 60%–85% of interactions, CTR 0.5%–3% and product-click conversion 1%–4% (the calibration table's published ranges),
/// ratings skewed positive like MovieLens (mean 3.3–3.8, mode 4, shares rising from 1 to 4 stars).
/// </summary>
public sealed class RealismTests
{
    private static readonly Lazy<WorldStatistics> Stats = new(() => WorldStatistics.Of(SyntheticWorlds.Small));

    [Fact]
    public void Small_has_the_stated_size_and_density()
    {
        var s = Stats.Value;
        Assert.Equal((5_000, 300, 20_000), (s.Users, s.Creators, s.Items));
        Assert.InRange(s.Interactions, 80_000, 160_000);
        Assert.InRange(s.Density, 0.0008, 0.0016);
    }

    [Fact]
    public void Popularity_has_a_long_tail()
    {
        var s = Stats.Value;
        Assert.InRange(s.TopFifthShare, 0.60, 0.85);
        // A long tail, not a short head only: most of the catalogue is touched at least once.
        Assert.InRange((double)s.ItemsWithInteractions / s.Items, 0.5, 0.98);
    }

    [Fact]
    public void Click_through_and_conversion_are_in_production_ranges()
    {
        var s = Stats.Value;
        Assert.InRange(s.ClickThroughRate, 0.005, 0.03);
        Assert.InRange(s.ProductConversion, 0.01, 0.04);
        // A quarter of items are products, so a few clicks in a thousand end in a purchase.
        Assert.InRange(s.PurchasesPerClick, 0.003, 0.015);
        Assert.InRange(s.LikeRate, 0.05, 0.5);
    }

    [Fact]
    public void Ratings_are_skewed_positive_like_MovieLens()
    {
        var s = Stats.Value;
        Assert.InRange(s.RatingMean, 3.3, 3.8);
        Assert.Equal(4, s.RatingMode);
        for (var r = 1; r < 4; r++)
            Assert.True(s.RatingShares[r] > s.RatingShares[r - 1], $"share of {r + 1} stars should exceed share of {r}");
        Assert.True(s.RatingShares[4] < s.RatingShares[3]);
        Assert.InRange(s.RatingShares[0], 0.005, 0.10);
    }
}
