namespace RecLab.Data.Synthetic;

/// <summary>Counts over the whole historical log (every user, whether or not their impressions were kept).</summary>
public sealed record LogTotals
{
    /// <summary>Sessions.</summary>
    public long Sessions { get; init; }

    /// <summary>Impressions (slate positions shown).</summary>
    public long Impressions { get; init; }

    /// <summary>Impressions the user examined (by the position model).</summary>
    public long Examined { get; init; }

    /// <summary>Clicks.</summary>
    public long Clicks { get; init; }

    /// <summary>Likes.</summary>
    public long Likes { get; init; }

    /// <summary>Purchases.</summary>
    public long Purchases { get; init; }

    /// <summary>Clicks on products (the only clicks that can lead to a purchase).</summary>
    public long ProductClicks { get; init; }

    /// <summary>Ratings given.</summary>
    public long Ratings { get; init; }

    /// <summary>Sum of the prices of purchased items, in dollars.</summary>
    public double Revenue { get; init; }

    internal LogTotals Add(LogTotals other) => new()
    {
        Sessions = Sessions + other.Sessions,
        Impressions = Impressions + other.Impressions,
        Examined = Examined + other.Examined,
        Clicks = Clicks + other.Clicks,
        Likes = Likes + other.Likes,
        Purchases = Purchases + other.Purchases,
        ProductClicks = ProductClicks + other.ProductClicks,
        Ratings = Ratings + other.Ratings,
        Revenue = Revenue + other.Revenue,
    };
}
