namespace RecLab.Simulation.Statistics;

/// <summary>The built-in A/B metrics, by name.</summary>
public static class AbMetrics
{
    /// <summary>Sessions per user.</summary>
    public static AbMetric Sessions { get; } = new("sessions", "sessions per user", MetricKind.PerUser, a => a.Sessions);

    /// <summary>Impressions per user.</summary>
    public static AbMetric Impressions { get; } = new("impressions", "impressions per user", MetricKind.PerUser, a => a.Impressions);

    /// <summary>Clicks per user.</summary>
    public static AbMetric Clicks { get; } = new("clicks", "clicks per user", MetricKind.PerUser, a => a.Clicks);

    /// <summary>Purchases per user.</summary>
    public static AbMetric Purchases { get; } = new("purchases", "purchases per user", MetricKind.PerUser, a => a.Purchases);

    /// <summary>Revenue per user, in dollars.</summary>
    public static AbMetric RevenuePerUser { get; } = new("revenue-per-user", "revenue per user ($)", MetricKind.PerUser, a => a.Revenue);

    /// <summary>Margin per user, in dollars.</summary>
    public static AbMetric MarginPerUser { get; } = new("margin-per-user", "margin per user ($)", MetricKind.PerUser, a => a.Margin);

    /// <summary>Click-through rate: Σ clicks / Σ impressions.</summary>
    public static AbMetric Ctr { get; } = new("ctr", "clicks per impression", MetricKind.Ratio, a => a.Clicks, a => a.Impressions);

    /// <summary>Conversion: Σ purchases / Σ clicks.</summary>
    public static AbMetric Conversion { get; } = new("conversion", "purchases per click", MetricKind.Ratio, a => a.Purchases, a => a.Clicks);

    /// <summary>Return on ad spend: Σ attributed revenue / Σ ad cost (only with sponsored slots).</summary>
    public static AbMetric Roas { get; } = new("roas", "attributed revenue per ad dollar", MetricKind.Ratio, a => a.AttributedRevenue, a => a.AdCost);

    /// <summary>Click-through rate of sponsored slots.</summary>
    public static AbMetric SponsoredCtr { get; } =
        new("sponsored-ctr", "clicks per sponsored impression", MetricKind.Ratio, a => a.SponsoredClicks, a => a.SponsoredImpressions);

    /// <summary>Every built-in metric.</summary>
    public static IReadOnlyList<AbMetric> All { get; } =
        [Sessions, Impressions, Clicks, Purchases, RevenuePerUser, MarginPerUser, Ctr, Conversion, Roas, SponsoredCtr];

    /// <summary>Metrics about sponsored slots, reported only when some arm has a campaign.</summary>
    public static IReadOnlyList<AbMetric> Sponsored { get; } = [Roas, SponsoredCtr];

    /// <summary>The metric called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static AbMetric Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown A/B metric '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}.");
}
