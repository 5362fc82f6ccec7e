namespace RecLab.Notebooks.Execution;

/// <summary>Why a run stopped: the cell that failed and its error.</summary>
public sealed record NotebookFailure
{
    /// <summary>The notebook's path as given.</summary>
    public required string Notebook { get; init; }

    /// <summary>The cell's execution count: the N of the <c>In [N]</c> that notebook front ends and the HTML page show beside it.</summary>
    public required int CellNumber { get; init; }

    /// <summary>The cell's id.</summary>
    public required string CellId { get; init; }

    /// <summary>The error's type name (e.g. <c>FileNotFoundException</c>, or <c>CompilationError</c>).</summary>
    public required string ErrorName { get; init; }

    /// <summary>The error's message (for a compilation error, the compiler's diagnostics).</summary>
    public required string Message { get; init; }

    /// <summary>One line naming the notebook, the cell and the error.</summary>
    public override string ToString() => $"{Notebook}: cell In [{CellNumber}] (id {CellId}) failed: {ErrorName}: {Message}";
}
