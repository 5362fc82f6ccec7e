namespace RecLab.Evaluation.Statistics;

/// <summary>CUPED-adjusted per-user outcomes (<see cref="AbTests.Cuped"/>).</summary>
/// <param name="Theta">The pooled regression coefficient <c>cov(x, y) / var(x)</c>.</param>
/// <param name="Control">Adjusted outcomes of the control users, in input order.</param>
/// <param name="Treatment">Adjusted outcomes of the treatment users, in input order.</param>
/// <param name="VarianceReduction">Fraction of the pooled variance removed, <c>1 − var(y') / var(y)</c>.</param>
public sealed record CupedAdjustment(double Theta, double[] Control, double[] Treatment, double VarianceReduction);
