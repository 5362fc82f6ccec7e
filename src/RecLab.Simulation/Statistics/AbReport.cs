namespace RecLab.Simulation.Statistics;

/// <summary>
/// The analysis of a simulated A/B test: the sample-ratio check, every arm's metrics, every treatment-vs-control
/// comparison (with CUPED and Holm), the day-by-day view with always-valid p-values, creator concentration, and warnings.
/// </summary>
public sealed record AbReport
{
    /// <summary>Arm names, control first.</summary>
    public required IReadOnlyList<string> Arms { get; init; }

    /// <summary>Test days.</summary>
    public required int Days { get; init; }

    /// <summary>Significance level.</summary>
    public required double Alpha { get; init; }

    /// <summary>Observed users per arm against the planned split.</summary>
    public RecLab.Evaluation.Statistics.SampleRatioTest? Srm { get; init; }

    /// <summary>Every arm's value of every metric.</summary>
    public required IReadOnlyList<ArmEstimate> Estimates { get; init; }

    /// <summary>Every treatment arm against control, per metric.</summary>
    public required IReadOnlyList<MetricComparison> Comparisons { get; init; }

    /// <summary>Per arm and day, each metric so far (empty without daily analysis).</summary>
    public IReadOnlyList<DailyEstimate> Daily { get; init; } = [];

    /// <summary>Per treatment arm and day, the comparison so far (empty without daily analysis).</summary>
    public IReadOnlyList<DailyComparison> DailyComparisons { get; init; } = [];

    /// <summary>Creator-level concentration per arm.</summary>
    public IReadOnlyList<CreatorExposure> Creators { get; init; } = [];

    /// <summary>
    /// Every other arm's cumulative regret against the arm named <see cref="AbAnalysis.OracleArm"/>, day by day (empty
    /// when the test has no such arm).
    /// </summary>
    public IReadOnlyList<RegretPoint> Regret { get; init; } = [];

    /// <summary>Things a reader must know: a sample-ratio mismatch, peeking that would have stopped early.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The comparison of <paramref name="arm"/> with control on <paramref name="metric"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such comparison.</exception>
    public MetricComparison Comparison(string metric, string arm) =>
        Comparisons.FirstOrDefault(c => c.Metric == metric && c.Arm == arm)
        ?? throw new KeyNotFoundException($"No comparison of '{arm}' on '{metric}'.");

    /// <summary>The estimate of <paramref name="metric"/> in <paramref name="arm"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such estimate.</exception>
    public ArmEstimate Estimate(string metric, string arm) =>
        Estimates.FirstOrDefault(e => e.Metric == metric && e.Arm == arm)
        ?? throw new KeyNotFoundException($"No estimate of '{metric}' in '{arm}'.");
}
