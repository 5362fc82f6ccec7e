namespace RecLab.Simulation.Statistics;

/// <summary>
/// A treatment arm against control on one metric at the end of the test: the difference with its t interval (Welch;
/// the delta method for ratios), a bootstrap interval, the relative uplift with its Fieller interval (never below −100%), p-values
/// before and after Holm's correction over the treatment arms, the CUPED-adjusted versions, and the sequential view.
/// </summary>
public sealed record MetricComparison
{
    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The treatment arm.</summary>
    public required string Arm { get; init; }

    /// <summary>The control arm.</summary>
    public required string Control { get; init; }

    /// <summary><c>welch-t</c> for per-user metrics, <c>delta</c> for ratio metrics.</summary>
    public required string Test { get; init; }

    /// <summary>Significance level used.</summary>
    public required double Alpha { get; init; }

    /// <summary>Control's value.</summary>
    public required double ControlValue { get; init; }

    /// <summary>Treatment's value.</summary>
    public required double ArmValue { get; init; }

    /// <summary>Treatment minus control.</summary>
    public required double Difference { get; init; }

    /// <summary>Lower bound of the difference.</summary>
    public required double DifferenceLow { get; init; }

    /// <summary>Upper bound of the difference.</summary>
    public required double DifferenceHigh { get; init; }

    /// <summary>Bootstrap lower bound of the difference (NaN when skipped).</summary>
    public double BootstrapLow { get; init; } = double.NaN;

    /// <summary>Bootstrap upper bound of the difference (NaN when skipped).</summary>
    public double BootstrapHigh { get; init; } = double.NaN;

    /// <summary>Treatment over control, minus 1.</summary>
    public required double RelativeUplift { get; init; }

    /// <summary>Lower bound of the relative uplift.</summary>
    public required double RelativeLow { get; init; }

    /// <summary>Upper bound of the relative uplift.</summary>
    public required double RelativeHigh { get; init; }

    /// <summary>Two-sided p-value.</summary>
    public required double PValue { get; init; }

    /// <summary>p-value after Holm's correction over the treatment arms (equal to <see cref="PValue"/> with one treatment).</summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>CUPED's θ (NaN without a pre-period).</summary>
    public double CupedTheta { get; init; } = double.NaN;

    /// <summary>Share of the variance CUPED removed, <c>1 − Var(Y')/Var(Y)</c> pooled over the two arms (NaN without a pre-period).</summary>
    public double CupedVarianceReduction { get; init; } = double.NaN;

    /// <summary>CUPED-adjusted difference.</summary>
    public double CupedDifference { get; init; } = double.NaN;

    /// <summary>Its lower bound.</summary>
    public double CupedLow { get; init; } = double.NaN;

    /// <summary>Its upper bound.</summary>
    public double CupedHigh { get; init; } = double.NaN;

    /// <summary>CUPED-adjusted relative uplift.</summary>
    public double CupedRelativeUplift { get; init; } = double.NaN;

    /// <summary>Its lower bound.</summary>
    public double CupedRelativeLow { get; init; } = double.NaN;

    /// <summary>Its upper bound.</summary>
    public double CupedRelativeHigh { get; init; } = double.NaN;

    /// <summary>CUPED-adjusted p-value.</summary>
    public double CupedPValue { get; init; } = double.NaN;

    /// <summary>CUPED-adjusted p-value after Holm's correction.</summary>
    public double CupedAdjustedPValue { get; init; } = double.NaN;

    /// <summary>The mSPRT always-valid p-value after the last day (NaN without daily analysis).</summary>
    public double AlwaysValidPValue { get; init; } = double.NaN;

    /// <summary>First test day on which the fixed-horizon p-value fell below α (what a naive daily peek would stop on), or null.</summary>
    public int? FirstNaiveSignificantDay { get; init; }

    /// <summary>First test day on which the always-valid p-value fell below α, or null.</summary>
    public int? FirstAlwaysValidDay { get; init; }

    /// <summary>Significant after Holm's correction at <see cref="Alpha"/>.</summary>
    public bool Significant => AdjustedPValue < Alpha;
}
