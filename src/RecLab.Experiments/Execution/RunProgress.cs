using RecLab.Experiments.Cells;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Execution;

/// <summary>A progress report: one cell's event and the run's counts after it.</summary>
public sealed record RunProgress
{
    /// <summary>What happened.</summary>
    public required RunEvent Event { get; init; }

    /// <summary>The cell it happened to.</summary>
    public required Cell Cell { get; init; }

    /// <summary>The written record, for <see cref="RunEvent.Finished"/> and <see cref="RunEvent.Failed"/>.</summary>
    public CellRecord? Record { get; init; }

    /// <summary>Cells finished so far in this run (succeeded or failed).</summary>
    public required int Done { get; init; }

    /// <summary>Cells failed so far in this run.</summary>
    public required int Failed { get; init; }

    /// <summary>Cells this run executes (excluding those already done).</summary>
    public required int Total { get; init; }

    /// <summary>Repeats in the experiment (for naming cells).</summary>
    public required int Repeats { get; init; }

    /// <summary>Time since the run started.</summary>
    public required TimeSpan Elapsed { get; init; }
}
