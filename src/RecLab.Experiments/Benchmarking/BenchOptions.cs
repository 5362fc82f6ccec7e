namespace RecLab.Experiments.Benchmarking;

/// <summary>What <see cref="BenchRunner"/> measures and how often.</summary>
public sealed record BenchOptions
{
    /// <summary>The MovieLens latest-small data: a folder or a dataset name (<c>reclab data fetch ml-latest-small</c>).</summary>
    public required string MovieLens { get; init; }

    /// <summary>Skip the tasks on the large synthetic world (minutes instead of seconds).</summary>
    public bool Quick { get; init; }

    /// <summary>Timed runs per task; the report gives their median.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>The synthetic world of the large tasks (a smaller one makes a fast test of the whole set).</summary>
    public string LargeWorld { get; init; } = "synthetic:large";

    /// <summary>World preset of the 14-day A/B task (<c>small</c>: 5,000 users).</summary>
    public string AbWorld { get; init; } = "small";

    /// <summary>Threads for fitting and ranking.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of every split and fit.</summary>
    public ulong Seed { get; init; } = 42;
}
