using System.Text.Json.Nodes;

namespace RecLab.Notebooks.Documents;

/// <summary>One notebook cell: its id, kind, source, metadata and, for code, its outputs.</summary>
public sealed record NotebookCell
{
    /// <summary>The tag of the cell whose variables a run may override (the papermill convention).</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell a run inserts after <see cref="ParametersTag"/> with the overrides.</summary>
    public const string InjectedParametersTag = "injected-parameters";

    /// <summary>The kernel name of C# in Polyglot Notebooks metadata.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>The cell id (nbformat 4.5: 1 to 64 letters, digits, '-' or '_'), unique in the notebook.</summary>
    public required string Id { get; init; }

    /// <summary>Code, markdown or raw.</summary>
    public required CellKind Kind { get; init; }

    /// <summary>The source text, lines joined with '\n'.</summary>
    public required string Source { get; init; }

    /// <summary>The cell metadata (tags, kernel), kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The outputs of a code cell, in the order produced; empty for other cells and unexecuted code.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    /// <summary>The execution count of an executed code cell, else null.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? [.. tags.Select(t => t?.GetValue<string>() ?? "")] : [];

    /// <summary>
    /// The kernel a code cell names in its metadata (<c>polyglot_notebook.kernelName</c>, else
    /// <c>dotnet_interactive.language</c>), or null when it names none.
    /// </summary>
    public string? KernelName =>
        (Metadata["polyglot_notebook"]?["kernelName"] ?? Metadata["dotnet_interactive"]?["language"]) is JsonValue v
            ? v.GetValue<string>()
            : null;

    /// <summary>Whether the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>A C# code cell with the metadata Polyglot Notebooks reads, optionally tagged.</summary>
    public static NotebookCell Code(string id, string source, params string[] tags) => new()
    {
        Id = id,
        Kind = CellKind.Code,
        Source = source,
        Metadata = CodeMetadata(tags),
    };

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string id, string source) => new() { Id = id, Kind = CellKind.Markdown, Source = source };

    /// <summary>The metadata of a C# code cell: the Polyglot kernel and language, and the tags when there are any.</summary>
    public static JsonObject CodeMetadata(params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernel },
        };
        if (tags.Length > 0)
            metadata["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]);
        return metadata;
    }
}
