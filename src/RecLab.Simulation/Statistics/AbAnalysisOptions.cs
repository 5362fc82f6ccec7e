namespace RecLab.Simulation.Statistics;

/// <summary>What to compute from a simulated test.</summary>
public sealed record AbAnalysisOptions
{
    /// <summary>Metric names (see <see cref="AbMetrics"/>); null: every built-in metric that applies (sponsored ones only with a campaign).</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>Significance level of every test and 1 − the coverage of every interval.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Bootstrap resamples for the interval of each difference; 0 skips the bootstrap.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// τ of the mSPRT mixture, on the relative-uplift scale (tested because it stays comparable from day to day while
    /// cumulative totals grow). Null (the default): per metric, the uplift the planned arms detect with 80% power, from
    /// what is known before the first look: the spread of the metric over the pre-period (or, without one, over the
    /// control arm's first day), so every day's always-valid p uses only data up to that day. A revenue or ROAS mixture
    /// then spans the effects their noise allows instead of a fixed ±5% that makes their always-valid p hopelessly conservative.
    /// </summary>
    public double? MsprtTau { get; init; }

    /// <summary>Apply CUPED with the pre-period (when the test had one).</summary>
    public bool Cuped { get; init; } = true;

    /// <summary>Compute per-day estimates, p-values and always-valid p-values (sequential monitoring).</summary>
    public bool Daily { get; init; } = true;

    /// <summary>Checks ranges.</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public void Validate()
    {
        if (!(Alpha is > 0 and < 1))
            throw new ArgumentException($"Alpha must lie strictly between 0 and 1 (got {Alpha}).");
        if (BootstrapResamples < 0)
            throw new ArgumentException($"Bootstrap resamples must be 0 or more (got {BootstrapResamples}).");
        if (MsprtTau is { } tau && !(tau > 0))
            throw new ArgumentException($"The mSPRT scale must be positive (got {MsprtTau}).");
    }
}
