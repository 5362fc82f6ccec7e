namespace RecLab.Notebooks.Execution;

/// <summary>Why a run stopped: the cell that failed and its error.</summary>
public sealed record NotebookFailure
{
    /// <summary>The notebook's path as given.</summary>
    public required string Notebook { get; init; }

    /// <summary>The cell's position in the notebook, from 1, counting every cell (markdown too) as the editor shows them.</summary>
    public required int CellNumber { get; init; }

    /// <summary>The cell's id.</summary>
    public required string CellId { get; init; }

    /// <summary>The error's type name (e.g. <c>FileNotFoundException</c>, <c>CompilationErrorException</c>).</summary>
    public required string ErrorName { get; init; }

    /// <summary>The error's message.</summary>
    public required string Message { get; init; }

    /// <summary>One line naming the notebook, the cell and the error.</summary>
    public override string ToString() => $"{Notebook}: cell {CellNumber} (id {CellId}) failed: {ErrorName}: {Message}";
}
