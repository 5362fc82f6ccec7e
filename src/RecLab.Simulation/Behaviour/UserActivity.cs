namespace RecLab.Simulation.Behaviour;

/// <summary>
/// What one user did over a period (a simulated day, or a sum of days): sessions, impressions, clicks, likes, purchases,
/// money, and the part of it on sponsored slots. The unit of every A/B statistic.
/// </summary>
public record struct UserActivity
{
    /// <summary>Sessions.</summary>
    public int Sessions { get; set; }

    /// <summary>Impressions (positions scrolled).</summary>
    public int Impressions { get; set; }

    /// <summary>Clicks.</summary>
    public int Clicks { get; set; }

    /// <summary>Likes (each after a click).</summary>
    public int Likes { get; set; }

    /// <summary>Purchases (each after a click on a product).</summary>
    public int Purchases { get; set; }

    /// <summary>Revenue: price of every purchase, in dollars.</summary>
    public double Revenue { get; set; }

    /// <summary>Margin: price times the item's margin share, summed over purchases.</summary>
    public double Margin { get; set; }

    /// <summary>Paid to creators: the commission on their sales plus the fees of influencer campaigns.</summary>
    public double CreatorPayout { get; set; }

    /// <summary>Impressions on sponsored slots.</summary>
    public int SponsoredImpressions { get; set; }

    /// <summary>Clicks on sponsored slots.</summary>
    public int SponsoredClicks { get; set; }

    /// <summary>Purchases from sponsored slots.</summary>
    public int SponsoredPurchases { get; set; }

    /// <summary>What the advertiser paid for this user's sponsored impressions.</summary>
    public double AdCost { get; set; }

    /// <summary>Revenue of the purchases made from sponsored slots (attributed to the campaign).</summary>
    public double AttributedRevenue { get; set; }

    /// <summary>Adds another period's activity to this one.</summary>
    public void Add(in UserActivity other)
    {
        Sessions += other.Sessions;
        Impressions += other.Impressions;
        Clicks += other.Clicks;
        Likes += other.Likes;
        Purchases += other.Purchases;
        Revenue += other.Revenue;
        Margin += other.Margin;
        CreatorPayout += other.CreatorPayout;
        SponsoredImpressions += other.SponsoredImpressions;
        SponsoredClicks += other.SponsoredClicks;
        SponsoredPurchases += other.SponsoredPurchases;
        AdCost += other.AdCost;
        AttributedRevenue += other.AttributedRevenue;
    }
}
