namespace RecLab.Simulation.Statistics;

/// <summary>One arm's value of a metric with its confidence interval (t interval over users; delta method for ratios).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Users">Users in the arm.</param>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Low">Lower confidence bound.</param>
/// <param name="High">Upper confidence bound.</param>
public sealed record ArmEstimate(string Metric, string Arm, int Users, double Value, double StandardError, double Low, double High);
