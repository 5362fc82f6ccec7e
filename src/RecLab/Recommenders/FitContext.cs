namespace RecLab.Recommenders;

/// <summary>Run settings for a fit, kept apart from hyper-parameters: seed, threads, progress, cancellation.</summary>
public sealed record FitContext
{
    /// <summary>Seed 0, all cores, no progress, not cancellable.</summary>
    public static FitContext Default { get; } = new();

    /// <summary>The only source of randomness for the fit.</summary>
    public ulong Seed { get; init; }

    /// <summary>Most threads the fit may use (an experiment running cells in parallel lowers it); at least 1.</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Where to report epochs or stages; null for none.</summary>
    public IProgress<FitProgress>? Progress { get; init; }

    /// <summary>Checked between epochs or chunks of work.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Parallel options honouring <see cref="MaxThreads"/> and <see cref="CancellationToken"/>.</summary>
    public ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = Math.Max(1, MaxThreads), CancellationToken = CancellationToken };
}
