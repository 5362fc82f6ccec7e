namespace RecLab.Experiments.Execution;

/// <summary>The result of <see cref="DryRun.Describe"/>.</summary>
public sealed record DryRunReport
{
    /// <summary>The cells of the shard, in run order.</summary>
    public required IReadOnlyList<DryRunRow> Rows { get; init; }

    /// <summary>Cells of the whole experiment.</summary>
    public required int TotalCells { get; init; }

    /// <summary>Cells a run would execute.</summary>
    public required int ToRun { get; init; }

    /// <summary>Sum of the estimated seconds of the cells to run that have an estimate.</summary>
    public required double EstimatedCellSeconds { get; init; }

    /// <summary>Cells to run with no finished cell of the same dataset and kind to estimate from.</summary>
    public required int CellsWithoutEstimate { get; init; }

    /// <summary>Cells in parallel.</summary>
    public required int Jobs { get; init; }

    /// <summary>Folds to build (shared by the algorithms).</summary>
    public required int DistinctFolds { get; init; }

    /// <summary>The results folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Rough wall time of the estimated cells: their seconds spread over the jobs.</summary>
    public double EstimatedWallSeconds => EstimatedCellSeconds / Math.Max(1, Jobs);
}
