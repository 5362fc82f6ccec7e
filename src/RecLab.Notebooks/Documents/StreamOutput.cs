namespace RecLab.Notebooks.Documents;

/// <summary>Text written to <c>stdout</c> or <c>stderr</c> (nbformat <c>stream</c>).</summary>
public sealed record StreamOutput : CellOutput
{
    /// <summary>Standard output's stream name.</summary>
    public const string Stdout = "stdout";

    /// <summary>Standard error's stream name.</summary>
    public const string Stderr = "stderr";

    /// <summary><see cref="Stdout"/> or <see cref="Stderr"/>.</summary>
    public required string Name { get; init; }

    /// <summary>The text, newlines included.</summary>
    public required string Text { get; init; }
}
