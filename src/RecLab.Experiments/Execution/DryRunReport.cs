namespace RecLab.Experiments.Execution;

/// <summary>The result of <see cref="DryRun.Describe"/>.</summary>
public sealed record DryRunReport
{
    /// <summary>The cells of the shard, in run order.</summary>
    public required IReadOnlyList<DryRunRow> Rows { get; init; }

    /// <summary>The A/B tests of the shard, in file order (they run after the cells).</summary>
    public required IReadOnlyList<DryRunAbRow> AbTests { get; init; }

    /// <summary>Cells of the whole experiment.</summary>
    public required int TotalCells { get; init; }

    /// <summary>A/B tests of the whole experiment.</summary>
    public required int TotalAbTests { get; init; }

    /// <summary>Cells a run would execute.</summary>
    public required int ToRun { get; init; }

    /// <summary>Sum of the estimated seconds of the cells to run that have an estimate.</summary>
    public required double EstimatedCellSeconds { get; init; }

    /// <summary>Cells to run with no finished cell of the same dataset and kind to estimate from.</summary>
    public required int CellsWithoutEstimate { get; init; }

    /// <summary>A/B tests a run would simulate.</summary>
    public required int AbTestsToRun { get; init; }

    /// <summary>Sum of the estimated seconds of the A/B tests to run that have an estimate (they run one after another).</summary>
    public required double EstimatedAbSeconds { get; init; }

    /// <summary>A/B tests to run with no finished test on the same world to estimate from.</summary>
    public required int AbTestsWithoutEstimate { get; init; }

    /// <summary>Cells in parallel.</summary>
    public required int Jobs { get; init; }

    /// <summary>Folds to build (shared by the algorithms).</summary>
    public required int DistinctFolds { get; init; }

    /// <summary>The results folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Why a run would refuse the results folder (it holds another setup; see <see cref="Results.ResultsFolder"/>), or null.</summary>
    public string? FolderConflict { get; init; }

    /// <summary>Rough wall time of the estimated work: the cells' seconds spread over the jobs, then the A/B tests.</summary>
    public double EstimatedWallSeconds => EstimatedCellSeconds / Math.Max(1, Jobs) + EstimatedAbSeconds;
}
