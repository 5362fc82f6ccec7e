namespace RecLab.Notebooks.Execution;

/// <summary>Reported after each code cell a run executes.</summary>
/// <param name="CellNumber">The cell's execution count (its <c>In [N]</c>).</param>
/// <param name="CellCount">The notebook's number of code cells.</param>
/// <param name="CellId">The cell's id.</param>
/// <param name="Elapsed">How long the cell ran.</param>
public sealed record CellProgress(int CellNumber, int CellCount, string CellId, TimeSpan Elapsed);
