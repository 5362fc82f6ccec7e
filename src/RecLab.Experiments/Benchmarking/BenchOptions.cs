namespace RecLab.Experiments.Benchmarking;

/// <summary>What <see cref="BenchRunner"/> measures and how often.</summary>
public sealed record BenchOptions
{
    /// <summary>The MovieLens latest-small data: a folder or a dataset name (<c>reclab data fetch ml-latest-small</c>).</summary>
    public required string MovieLens { get; init; }

    /// <summary>Skip the tasks on the large synthetic world (minutes instead of seconds).</summary>
    public bool Quick { get; init; }

    /// <summary>Timed runs per task at least; the report gives their median.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// Seconds a task with short runs keeps repeating for: rounds go on past <see cref="Repeats"/> until the task has
    /// run this long, at most <see cref="MaxRepeatsFactor"/> times <see cref="Repeats"/> (hyperfine's default is at least
    /// 3 s and 10 runs). The median of three 40 ms runs of the SGD task put its two-thread speed-up anywhere between
    /// 1.3x and 1.8x from one bench to the next. 0 runs every task exactly <see cref="Repeats"/> times.
    /// </summary>
    public double MinimumSeconds { get; init; } = 3;

    /// <summary>
    /// Untimed runs of each task that compares thread counts before its timed rounds, on the most threads (hyperfine's
    /// <c>--warmup</c>, BenchmarkDotNet's warm-up stage). The first runs of a task are when the runtime compiles its hot
    /// methods again, instrumented and then optimised, on a background thread: with one thread timed that compiler has
    /// the other core to itself, with two it takes time from the timed run. Two-thread runs of the A/B day loop in three
    /// fresh processes took 1.33-1.48 s, then 0.71-0.95 s, and 0.58-0.87 s from the third on; with tiered compilation
    /// off (<c>DOTNET_TieredCompilation=0</c>) the first (0.88-0.96 s) was within the range of the rest (0.68-0.99 s).
    /// A warm-up run of 5 s or more (its timed part, for a task that times part of its run) ends the warm-up: its hot
    /// methods have been optimised by then.
    /// </summary>
    public int Warmup { get; init; } = 2;

    /// <summary>How many times <see cref="Repeats"/> a short task may run to fill <see cref="MinimumSeconds"/>.</summary>
    public const int MaxRepeatsFactor = 10;

    /// <summary>The synthetic world of the large tasks (a smaller one makes a fast test of the whole set).</summary>
    public string LargeWorld { get; init; } = "synthetic:large";

    /// <summary>
    /// The power-law data of the implicit-als scale task: by default 10M interactions of 94,300 users over 168,200
    /// items, the size at which implicit's fit was measured on this kind of machine (a smaller one makes a fast test of
    /// the whole set).
    /// </summary>
    public (int Users, int Items, long Interactions) Scale { get; init; } = (94_300, 168_200, 10_000_000);

    /// <summary>World preset of the 14-day A/B task (<c>small</c>: 5,000 users).</summary>
    public string AbWorld { get; init; } = "small";

    /// <summary>Threads for fitting and ranking.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of every split and fit.</summary>
    public ulong Seed { get; init; } = 42;
}
