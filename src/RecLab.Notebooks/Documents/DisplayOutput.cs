namespace RecLab.Notebooks.Documents;

/// <summary>
/// A displayed value as a bundle of representations keyed by MIME type (<c>text/html</c>, <c>text/plain</c>):
/// nbformat <c>display_data</c>, or <c>execute_result</c> when it is a cell's trailing expression.
/// </summary>
public sealed record DisplayOutput : CellOutput
{
    /// <summary>The representations by MIME type; a notebook front end shows the richest it understands.</summary>
    public required IReadOnlyDictionary<string, string> Data { get; init; }

    /// <summary>The cell's execution count when this is its trailing expression (<c>execute_result</c>), else null.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The displayed object itself when it was produced in this process (never saved), so a page can redraw it.</summary>
    public object? Value { get; init; }
}
