namespace RecLab.Experiments.Benchmarking;

/// <summary>One timed task: every run's seconds, their median and the memory it took.</summary>
public sealed record BenchTaskResult
{
    /// <summary>Short stable name, e.g. <c>implicit-als</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What is timed.</summary>
    public required string Description { get; init; }

    /// <summary>Whether it ran.</summary>
    public required BenchStatus Status { get; init; }

    /// <summary>Threads it could use (null when it did not run).</summary>
    public int? Threads { get; init; }

    /// <summary>Wall seconds of each run, in order.</summary>
    public IReadOnlyList<double> Seconds { get; init; } = [];

    /// <summary>Median of <see cref="Seconds"/>; null when it did not run.</summary>
    public double? MedianSeconds { get; init; }

    /// <summary>
    /// Process CPU seconds (all threads) of a run, median: on a shared machine wall time grows with the load, CPU time
    /// much less, so this column is the steadier one to compare across runs.
    /// </summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Peak working set of the process during the task's runs (reset before the task where the OS allows).</summary>
    public long? PeakWorkingSetBytes { get; init; }

    /// <summary>Managed bytes allocated by one run (median).</summary>
    public long? AllocatedBytes { get; init; }

    /// <summary>Size of the input, e.g. <c>100,836 ratings</c>, or why the task did not run.</summary>
    public string Note { get; init; } = "";
}
