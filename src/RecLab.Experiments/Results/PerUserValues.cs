namespace RecLab.Experiments.Results;

/// <summary>One metric's per-user values in one cell, users by external id.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Users">External user ids.</param>
/// <param name="Values">Values aligned with <paramref name="Users"/>.</param>
public sealed record PerUserValues(string Metric, IReadOnlyList<string> Users, IReadOnlyList<double> Values);
