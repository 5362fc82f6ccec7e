namespace RecLab.Notebooks.Documents;

/// <summary>The nbformat <c>cell_type</c>.</summary>
public enum CellKind
{
    /// <summary><c>code</c>: source to run, with outputs.</summary>
    Code,

    /// <summary><c>markdown</c>: prose.</summary>
    Markdown,

    /// <summary><c>raw</c>: passed through unrendered.</summary>
    Raw,
}
