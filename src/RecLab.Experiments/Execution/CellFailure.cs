using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Execution;

/// <summary>A cell that threw, and why.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Error">Exception type and message.</param>
public sealed record CellFailure(Cell Cell, string Error)
{
    /// <summary>What the cell threw, for a caller that reports it as one error line with its own exit code (<c>reclab eval</c>); null when not known.</summary>
    public Exception? Exception { get; init; }
}
