namespace RecLab.Data.Synthetic;

/// <summary>
/// The realism figures of a world: click-through and conversion rates, density, popularity concentration and the
/// rating distribution. The bands the tests hold <c>small</c> to: 80k–160k interactions (density 0.08%–0.16%), top-20%
/// share 0.60–0.85, CTR 0.5%–3%, product-click conversion 1%–4%, rating mean 3.3–3.8 with mode 4 and shares rising from 1 to 4 stars.
/// </summary>
public sealed record WorldStatistics
{
    /// <summary>Users.</summary>
    public required int Users { get; init; }

    /// <summary>Items in the catalogue.</summary>
    public required int Items { get; init; }

    /// <summary>Creators.</summary>
    public required int Creators { get; init; }

    /// <summary>Follow edges.</summary>
    public required int FollowEdges { get; init; }

    /// <summary>Counts over the whole log.</summary>
    public required LogTotals Totals { get; init; }

    /// <summary>Clicks per impression.</summary>
    public double ClickThroughRate => Ratio(Totals.Clicks, Totals.Impressions);

    /// <summary>Likes per click.</summary>
    public double LikeRate => Ratio(Totals.Likes, Totals.Clicks);

    /// <summary>Purchases per click (all clicks, posts included).</summary>
    public double PurchasesPerClick => Ratio(Totals.Purchases, Totals.Clicks);

    /// <summary>Purchases per click on a product.</summary>
    public double ProductConversion => Ratio(Totals.Purchases, Totals.ProductClicks);

    /// <summary>Rows of the implicit view: distinct (user, item) pairs with a click.</summary>
    public required int Interactions { get; init; }

    /// <summary>Interactions / (users x items in the catalogue).</summary>
    public double Density => Ratio(Interactions, (double)Users * Items);

    /// <summary>Items with at least one interaction.</summary>
    public required int ItemsWithInteractions { get; init; }

    /// <summary>Share of interactions on the 20% of catalogue items with the most interactions.</summary>
    public required double TopFifthShare { get; init; }

    /// <summary>Median interactions per user (users with none included).</summary>
    public required double MedianPerUser { get; init; }

    /// <summary>Rows of the ratings view.</summary>
    public required int RatingCount { get; init; }

    /// <summary>Share of ratings equal to 1, 2, 3, 4 and 5 (index 0 = one star).</summary>
    public required IReadOnlyList<double> RatingShares { get; init; }

    /// <summary>Mean rating.</summary>
    public required double RatingMean { get; init; }

    /// <summary>The most frequent rating.</summary>
    public int RatingMode
    {
        get
        {
            var best = 0;
            for (var r = 1; r < RatingShares.Count; r++)
                if (RatingShares[r] > RatingShares[best])
                    best = r;
            return best + 1;
        }
    }

    /// <summary>Computes the figures (builds the implicit and ratings views if they are not built yet).</summary>
    public static WorldStatistics Of(World world)
    {
        var data = world.Implicit();
        var byItem = data.ByItem;
        var counts = new int[data.ItemCount];
        var active = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = byItem.RowLength(i);
            if (counts[i] > 0)
                active++;
        }
        Array.Sort(counts);
        Array.Reverse(counts);
        long top = 0;
        var topCount = (int)Math.Ceiling(0.2 * counts.Length);
        for (var i = 0; i < topCount; i++)
            top += counts[i];
        var perUser = new int[data.UserCount];
        for (var u = 0; u < perUser.Length; u++)
            perUser[u] = data.ByUser.RowLength(u);
        Array.Sort(perUser);
        var median = perUser.Length == 0 ? 0 : perUser.Length % 2 == 1
            ? perUser[perUser.Length / 2]
            : (perUser[perUser.Length / 2 - 1] + perUser[perUser.Length / 2]) / 2.0;

        var ratings = world.Ratings();
        var histogram = new long[5];
        var sum = 0.0;
        foreach (var v in ratings.ValueColumn)
        {
            histogram[(int)v - 1]++;
            sum += v;
        }
        return new WorldStatistics
        {
            Users = world.Users.Count,
            Items = world.Items.Count,
            Creators = world.Creators.Count,
            FollowEdges = world.Follows.EdgeCount,
            Totals = world.Log.Totals,
            Interactions = data.Count,
            ItemsWithInteractions = active,
            TopFifthShare = Ratio(top, data.Count),
            MedianPerUser = median,
            RatingCount = ratings.Count,
            RatingShares = histogram.Select(h => Ratio(h, ratings.Count)).ToArray(),
            RatingMean = Ratio(sum, ratings.Count),
        };
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
