using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Execution;

/// <summary>A cell that threw, and why.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Error">Exception type and message.</param>
public sealed record CellFailure(Cell Cell, string Error);
