using RecLab.Simulation.Behaviour;

namespace RecLab.Simulation.Statistics;

/// <summary>
/// An A/B metric over users' <see cref="UserActivity"/>: a per-user mean (<c>mean_u Y_u</c>) or a ratio of sums
/// (<c>Σ_u Y_u / Σ_u X_u</c>). Users are the randomization unit, so every variance is computed over users, never impressions.
/// </summary>
/// <param name="Name">Name in results, e.g. <c>revenue-per-user</c>, <c>ctr</c>.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Kind">Per-user mean or ratio of sums.</param>
/// <param name="Numerator">Y_u.</param>
/// <param name="Denominator">X_u for ratios; null for per-user means.</param>
public sealed record AbMetric(string Name, string Description, MetricKind Kind, Func<UserActivity, double> Numerator,
    Func<UserActivity, double>? Denominator = null);
