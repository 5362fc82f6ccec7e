using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecLab.Notebooks.Documents;

/// <summary>
/// <see cref="NotebookDocument"/> to nbformat 4.5 JSON, formatted as nbformat writes it (<c>sort_keys=True,
/// indent=1</c>, text as lists of lines) so files diff cleanly against ones Jupyter or VS Code saved.
/// </summary>
internal static class NbformatWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        NewLine = "\n",
        // Like nbformat's ensure_ascii=False: text stays readable (no \u003C for '<').
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(NotebookDocument document)
    {
        var cells = new JsonArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Cells.Count; i++)
            cells.Add(WriteCell(document.Cells[i], i, ids));
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = document.Metadata.DeepClone(),
            ["nbformat"] = NotebookDocument.Format,
            ["nbformat_minor"] = NotebookDocument.FormatMinor,
        };
        return Sorted(root)!.ToJsonString(Options) + "\n";
    }

    private static JsonObject WriteCell(NotebookCell cell, int index, HashSet<string> ids)
    {
        var written = new JsonObject
        {
            ["cell_type"] = cell.Kind switch
            {
                CellKind.Code => "code",
                CellKind.Markdown => "markdown",
                _ => "raw",
            },
            ["id"] = UniqueId(cell.Id, index, ids),
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            written["execution_count"] = cell.ExecutionCount;
            written["outputs"] = new JsonArray([.. cell.Outputs.Select(WriteOutput)]);
        }

        return written;
    }

    /// <summary>The cell's id, or for a cell without one (nbformat before 4.5) or a duplicate, a fresh one.</summary>
    private static string UniqueId(string id, int index, HashSet<string> ids)
    {
        var stem = IsValidId(id) ? id : "cell-" + (index + 1).ToString(CultureInfo.InvariantCulture);
        var candidate = stem;
        for (var n = 2; !ids.Add(candidate); n++)
            candidate = stem + "-" + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>nbformat 4.5's id pattern: <c>^[a-zA-Z0-9-_]+$</c>, 1 to 64 characters.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static JsonNode WriteOutput(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject { ["name"] = stream.Name, ["output_type"] = "stream", ["text"] = Lines(stream.Text) },
        DisplayOutput display => DisplayJson(display),
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray([.. error.Traceback.Select(l => (JsonNode)JsonValue.Create(l))]),
        },
        _ => throw new ArgumentException($"Unknown output {output.GetType().Name}.", nameof(output)),
    };

    private static JsonObject DisplayJson(DisplayOutput display)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in display.Data)
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : Lines(text);
        var json = new JsonObject
        {
            ["data"] = data,
            ["metadata"] = new JsonObject(),
            ["output_type"] = display.ExecutionCount is null ? "display_data" : "execute_result",
        };
        if (display.ExecutionCount is { } count)
            json["execution_count"] = count;
        return json;
    }

    /// <summary>Text as nbformat stores it: lines keeping their '\n', the last without one when the text has none.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }

    /// <summary>A copy with every object's keys in ordinal order (Python's sort_keys).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
