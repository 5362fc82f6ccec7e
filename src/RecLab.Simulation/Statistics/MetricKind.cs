namespace RecLab.Simulation.Statistics;

/// <summary>How an A/B metric aggregates users.</summary>
public enum MetricKind
{
    /// <summary>A mean over users of a per-user value (revenue per user): Welch's t-test.</summary>
    PerUser,

    /// <summary>A ratio of sums over users (CTR = Σ clicks / Σ impressions): the delta method, users as the unit.</summary>
    Ratio,
}
