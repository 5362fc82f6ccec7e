using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecLab.Notebooks.Documents;

/// <summary>nbformat 4 JSON to <see cref="NotebookDocument"/>; every problem names the notebook and the cell.</summary>
internal static class NbformatReader
{
    public static NotebookDocument Read(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (root is not JsonObject notebook)
            throw new NotebookFormatException($"{source}: a notebook is a JSON object with 'cells' and 'metadata'.");
        var major = notebook["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : -1;
        if (major != NotebookDocument.Format)
            throw new NotebookFormatException($"{source}: nbformat {(major < 0 ? "(missing)" : major)} is not supported; only nbformat 4 notebooks can be read.");
        if (notebook["cells"] is not JsonArray cells)
            throw new NotebookFormatException($"{source}: 'cells' is missing or not a list.");

        var read = new List<NotebookCell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
            read.Add(ReadCell(cells[i], source, i + 1));
        return new NotebookDocument
        {
            Cells = read,
            Metadata = notebook["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [],
        };
    }

    private static NotebookCell ReadCell(JsonNode? node, string source, int number)
    {
        var where = $"{source}: cell {number}";
        if (node is not JsonObject cell)
            throw new NotebookFormatException($"{where}: a cell is a JSON object.");
        var kind = Text(cell["cell_type"], where, "cell_type") switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw new NotebookFormatException($"{where}: unknown cell_type '{other}' (expected code, markdown or raw)."),
        };
        var outputs = new List<CellOutput>();
        if (cell["outputs"] is JsonArray list)
        {
            foreach (var output in list)
                outputs.Add(ReadOutput(output, where));
        }

        return new NotebookCell
        {
            // nbformat before 4.5 had no ids; the writer gives such cells one.
            Id = cell["id"] is JsonValue id ? id.GetValue<string>() : "",
            Kind = kind,
            Source = MultilineText(cell["source"], where, "source"),
            Metadata = cell["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [],
            Outputs = outputs,
            ExecutionCount = cell["execution_count"] is JsonValue count && count.TryGetValue<int>(out var c) ? c : null,
        };
    }

    private static CellOutput ReadOutput(JsonNode? node, string where)
    {
        if (node is not JsonObject output)
            throw new NotebookFormatException($"{where}: an output is a JSON object.");
        switch (Text(output["output_type"], where, "output_type"))
        {
            case "stream":
                return new StreamOutput { Name = Text(output["name"], where, "name"), Text = MultilineText(output["text"], where, "text") };
            case "display_data":
            case "execute_result":
                var data = new Dictionary<string, string>(StringComparer.Ordinal);
                if (output["data"] is JsonObject bundle)
                {
                    foreach (var (mime, value) in bundle)
                        data[mime] = value is JsonObject or JsonArray && mime.EndsWith("json", StringComparison.Ordinal)
                            ? value.ToJsonString()
                            : MultilineText(value, where, mime);
                }

                return new DisplayOutput
                {
                    Data = data,
                    ExecutionCount = output["execution_count"] is JsonValue count && count.TryGetValue<int>(out var c) ? c : null,
                };
            case "error":
                return new ErrorOutput
                {
                    Name = Text(output["ename"], where, "ename"),
                    Value = Text(output["evalue"], where, "evalue"),
                    Traceback = output["traceback"] is JsonArray lines ? [.. lines.Select(l => l?.GetValue<string>() ?? "")] : [],
                };
            case var other:
                throw new NotebookFormatException($"{where}: unknown output_type '{other}'.");
        }
    }

    private static string Text(JsonNode? node, string where, string key) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new NotebookFormatException($"{where}: '{key}' is missing or not a string.");

    /// <summary>nbformat text is a string or a list of lines that concatenate to it.</summary>
    private static string MultilineText(JsonNode? node, string where, string key)
    {
        var text = node switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw new NotebookFormatException($"{where}: '{key}' must hold only strings."))),
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            _ => throw new NotebookFormatException($"{where}: '{key}' is missing or is neither a string nor a list of strings."),
        };
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
