using RecLab.Evaluation.Statistics;

namespace RecLab.Evaluation.OffPolicy;

/// <summary>An off-policy estimate of a target policy's value (e.g. its CTR) from a logging policy's data.</summary>
/// <param name="Estimator"><c>ips</c>, <c>snips</c> or <c>dr</c>.</param>
/// <param name="Value">The estimate with its normal confidence interval.</param>
/// <param name="StandardError">Standard error of the estimate.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size of the importance weights, <c>(Σw)² / Σw²</c>.</param>
/// <param name="MaxWeight">Largest importance weight (a large one warns of a high-variance estimate).</param>
/// <param name="N">Logged rounds used.</param>
public sealed record OffPolicyEstimate(string Estimator, ConfidenceInterval Value, double StandardError, double EffectiveSampleSize,
    double MaxWeight, int N);
