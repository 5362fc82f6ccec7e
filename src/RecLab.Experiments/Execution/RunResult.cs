namespace RecLab.Experiments.Execution;

/// <summary>What a run did.</summary>
public sealed record RunResult
{
    /// <summary>The results folder; empty when the cells were kept in memory (<see cref="RunOptions.Store"/>).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Cells of the experiment.</summary>
    public required int TotalCells { get; init; }

    /// <summary>Cells of this shard.</summary>
    public required int ShardCells { get; init; }

    /// <summary>Cells skipped because a result was already stored.</summary>
    public required int Reused { get; init; }

    /// <summary>Cells run now that succeeded.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Cells run now that failed.</summary>
    public required IReadOnlyList<CellFailure> Failures { get; init; }

    /// <summary>A/B tests of this shard (all of them for an unsharded run).</summary>
    public int ShardAbTests { get; init; }

    /// <summary>A/B tests simulated by this run (the others of the shard were finished before and reused).</summary>
    public int AbTestsRun { get; init; }

    /// <summary>A/B tests that failed in this run: name and error (their files are left as they were).</summary>
    public IReadOnlyList<(string Test, string Error)> AbTestFailures { get; init; } = [];

    /// <summary>Datasets that could not be loaded: their cells did not run and are among <see cref="Failures"/>.</summary>
    public IReadOnlyList<DatasetFailure> DatasetFailures { get; init; } = [];

    /// <summary>What was loaded of each dataset this run read (lines skipped with <c>skip_bad_lines</c> among it).</summary>
    public IReadOnlyList<DatasetFacts> Datasets { get; init; } = [];

    /// <summary>True when the run was cancelled; finished cells were kept, summaries not written.</summary>
    public required bool Cancelled { get; init; }

    /// <summary>Wall time.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Folds built by this run: each (dataset, split, repeat, fold) once when the shared cache works.</summary>
    public required int FoldsBuilt { get; init; }

    /// <summary>True when results.csv and summary.md were written (a complete, unsharded run).</summary>
    public required bool ReportWritten { get; init; }
}
