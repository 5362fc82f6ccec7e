namespace RecLab.Notebooks.Execution;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>
    /// Values for variables of the cell tagged <c>parameters</c>, as text (<c>sample=tiny</c>); each is converted to
    /// the type the cell gives the variable and assigned in a cell inserted after it, as papermill does.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Told after each code cell.</summary>
    public IProgress<CellProgress>? Progress { get; init; }
}
