namespace RecLab.Notebooks.Documents;

/// <summary>An exception that stopped a cell (nbformat <c>error</c>).</summary>
public sealed record ErrorOutput : CellOutput
{
    /// <summary>The exception's type name.</summary>
    public required string Name { get; init; }

    /// <summary>The exception's message.</summary>
    public required string Value { get; init; }

    /// <summary>The lines of the stack trace (or of the compiler's diagnostics).</summary>
    public IReadOnlyList<string> Traceback { get; init; } = [];
}
