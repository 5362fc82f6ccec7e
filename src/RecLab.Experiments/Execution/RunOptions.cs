using RecLab.Data.Downloads;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Results;
using RecLab.Recommenders;

namespace RecLab.Experiments.Execution;

/// <summary>How to run an experiment (kept apart from what it is: none of these change a cell's definition).</summary>
public sealed record RunOptions
{
    /// <summary>Cells run in parallel (default: one per core). Each cell gets <c>cores / Jobs</c> threads (at least 1).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The share of cells to run (default: all).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.All;

    /// <summary>Rerun cells that already have a result (default: skip them, which resumes an interrupted run).</summary>
    public bool Fresh { get; init; }

    /// <summary>Results folder; default <c>OUTPUT/NAME</c> from the configuration.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Where dataset names (<c>source: ml-100k</c>) are looked up; null: <c>RECLAB_DATA</c> or <c>~/.cache/reclab</c>.</summary>
    public DataCache? Data { get; init; }

    /// <summary>Where algorithm kinds are looked up.</summary>
    public RecommenderRegistry Registry { get; init; } = RecommenderRegistry.Default;

    /// <summary>Receives an event when a cell starts, finishes or fails; null for none.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Receives each step of each simulated A/B test (arm fits, pre-period and test days); null for none.</summary>
    public IProgress<AbTestProgress>? AbProgress { get; init; }

    /// <summary>
    /// Where finished cells are kept: null (the default) for the file store in <see cref="OutputFor"/>, which a rerun
    /// resumes from and where the reports, manifest and A/B tests are written; a <see cref="MemoryCellStore"/> keeps
    /// them in memory and writes nothing (load them with <see cref="ExperimentResults.Load"/>; A/B tests need a folder).
    /// </summary>
    public ICellStore? Store { get; init; }

    /// <summary>Threads each cell may use (default: <c>cores / Jobs</c>, at least 1).</summary>
    public int ThreadsPerCell
    {
        get => _threadsPerCell ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, Jobs));
        init => _threadsPerCell = Math.Max(1, value);
    }

    private readonly int? _threadsPerCell;

    /// <summary>The results folder of <paramref name="plan"/> under these options.</summary>
    public string OutputFor(ExperimentPlan plan) => OutputDirectory ?? Path.Combine(plan.Config.Output, plan.Config.Name);
}
