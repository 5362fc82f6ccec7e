namespace RecLab.Evaluation.Statistics;

/// <summary>
/// A treatment arm compared with a control arm on one metric, with the user as the unit. Differences are
/// treatment − control; the relative uplift is treatment / control − 1.
/// </summary>
/// <param name="Method">How it was computed: <c>welch-t</c> (per-user means) or <c>delta-ratio</c> (ratio metrics).</param>
/// <param name="Control">The control arm's metric (mean per user, or the ratio of sums).</param>
/// <param name="Treatment">The treatment arm's metric.</param>
/// <param name="StandardError">Standard error of the difference.</param>
/// <param name="Statistic">Test statistic: Welch's t, or z for the delta method.</param>
/// <param name="PValue">Two-sided p-value for no difference.</param>
/// <param name="Difference">Treatment − control with its confidence interval.</param>
/// <param name="RelativeUplift">Treatment / control − 1 with its Fieller interval (<see cref="AbTests.RelativeInterval"/>; NaN when the control is 0).</param>
/// <param name="ControlUsers">Users in the control arm.</param>
/// <param name="TreatmentUsers">Users in the treatment arm.</param>
public sealed record AbComparison(string Method, double Control, double Treatment, double StandardError, double Statistic, double PValue,
    ConfidenceInterval Difference, ConfidenceInterval RelativeUplift, int ControlUsers, int TreatmentUsers)
{
    /// <summary>Welch's degrees of freedom (infinite for the normal-theory delta method).</summary>
    public double DegreesOfFreedom { get; init; } = double.PositiveInfinity;
}
