namespace RecLab.Evaluation.Statistics;

/// <summary>A confidence interval around an estimate.</summary>
/// <param name="Estimate">The point estimate (the sample mean).</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="Level">Coverage level, e.g. 0.95.</param>
public sealed record ConfidenceInterval(double Estimate, double Low, double High, double Level);
