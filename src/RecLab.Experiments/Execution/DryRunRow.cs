using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Execution;

/// <summary>One cell of a dry run.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Status"><c>done</c> (a result is stored and will be reused), <c>failed</c> (will be retried) or <c>pending</c>.</param>
/// <param name="EstimatedSeconds">Mean seconds of finished cells of the same dataset and kind, when there are any.</param>
public sealed record DryRunRow(Cell Cell, string Status, double? EstimatedSeconds);
