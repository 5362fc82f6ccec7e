namespace RecLab.Simulation.Statistics;

/// <summary>An arm's metric over the test days so far (cumulative through <paramref name="Day"/>), with its confidence interval.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Day">Test day (0 = first); the values cover days 0 to Day.</param>
/// <param name="Value">The estimate.</param>
/// <param name="Low">Lower confidence bound.</param>
/// <param name="High">Upper confidence bound.</param>
public sealed record DailyEstimate(string Metric, string Arm, int Day, double Value, double Low, double High);
