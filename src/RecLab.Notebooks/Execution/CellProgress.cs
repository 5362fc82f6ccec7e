namespace RecLab.Notebooks.Execution;

/// <summary>Reported after each code cell a run executes.</summary>
/// <param name="CellNumber">The cell's position in the notebook, from 1.</param>
/// <param name="CellCount">The notebook's number of cells.</param>
/// <param name="CellId">The cell's id.</param>
/// <param name="Elapsed">How long the cell ran.</param>
public sealed record CellProgress(int CellNumber, int CellCount, string CellId, TimeSpan Elapsed);
