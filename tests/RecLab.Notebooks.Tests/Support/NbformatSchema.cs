using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>
/// The rules of the nbformat 4.5 JSON schema (nbformat.v4.5.schema.json), checked independently of the writer:
/// required and allowed keys per cell and output type, cell id pattern and uniqueness, multiline strings, tags.
/// </summary>
public static partial class NbformatSchema
{
    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex CellId();

    [GeneratedRegex("^application/(.*\\+)?json$")]
    private static partial Regex JsonMime();

    public static List<string> Problems(JsonNode? root)
    {
        var problems = new List<string>();
        if (root is not JsonObject notebook)
            return ["the notebook is not an object"];
        Keys(notebook, "notebook", required: ["metadata", "nbformat_minor", "nbformat", "cells"], allowed: [], problems);
        if (Integer(notebook["nbformat"]) != 4)
            problems.Add("nbformat is not 4");
        if (Integer(notebook["nbformat_minor"]) is not >= 5)
            problems.Add("nbformat_minor is below 5");
        if (notebook["metadata"] is not JsonObject metadata)
        {
            problems.Add("metadata is not an object");
        }
        else
        {
            if (metadata["kernelspec"] is JsonObject kernelspec && (kernelspec["name"] is null || kernelspec["display_name"] is null))
                problems.Add("kernelspec lacks name or display_name");
            if (metadata["language_info"] is JsonObject info && info["name"] is null)
                problems.Add("language_info lacks name");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (notebook["cells"] is not JsonArray cells)
            return [.. problems, "cells is not an array"];
        for (var i = 0; i < cells.Count; i++)
            Cell(cells[i], $"cell {i + 1}", ids, problems);
        return problems;
    }

    private static void Cell(JsonNode? node, string where, HashSet<string> ids, List<string> problems)
    {
        if (node is not JsonObject cell)
        {
            problems.Add($"{where} is not an object");
            return;
        }

        var type = cell["cell_type"]?.GetValue<string>();
        string[] required = type == "code"
            ? ["id", "cell_type", "metadata", "source", "outputs", "execution_count"]
            : ["id", "cell_type", "metadata", "source"];
        string[] allowed = type == "code" ? [] : ["attachments"];
        if (type is not ("code" or "markdown" or "raw"))
            problems.Add($"{where}: cell_type '{type}'");
        Keys(cell, where, required, allowed, problems);
        if (cell["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
        {
            if (id.Length is < 1 or > 64 || !CellId().IsMatch(id))
                problems.Add($"{where}: id '{id}' does not match the pattern");
            if (!ids.Add(id))
                problems.Add($"{where}: id '{id}' is not unique");
        }
        else
        {
            problems.Add($"{where}: id is not a string");
        }

        if (cell["metadata"] is not JsonObject metadata)
            problems.Add($"{where}: metadata is not an object");
        else if (metadata["tags"] is { } tags)
            Tags(tags, where, problems);
        Multiline(cell["source"], $"{where}: source", problems);
        if (type != "code")
            return;
        if (cell["execution_count"] is { } count && Integer(count) is not >= 0)
            problems.Add($"{where}: execution_count is neither null nor a non-negative integer");
        if (cell["outputs"] is not JsonArray outputs)
        {
            problems.Add($"{where}: outputs is not an array");
            return;
        }

        for (var o = 0; o < outputs.Count; o++)
            Output(outputs[o], $"{where} output {o + 1}", problems);
    }

    private static void Output(JsonNode? node, string where, List<string> problems)
    {
        if (node is not JsonObject output)
        {
            problems.Add($"{where} is not an object");
            return;
        }

        switch (output["output_type"]?.GetValue<string>())
        {
            case "execute_result":
                Keys(output, where, ["output_type", "data", "metadata", "execution_count"], [], problems);
                Bundle(output["data"], where, problems);
                break;
            case "display_data":
                Keys(output, where, ["output_type", "data", "metadata"], [], problems);
                Bundle(output["data"], where, problems);
                break;
            case "stream":
                Keys(output, where, ["output_type", "name", "text"], [], problems);
                Multiline(output["text"], $"{where}: text", problems);
                break;
            case "error":
                Keys(output, where, ["output_type", "ename", "evalue", "traceback"], [], problems);
                if (output["traceback"] is not JsonArray lines || lines.Any(l => l is not JsonValue v || !v.TryGetValue<string>(out _)))
                    problems.Add($"{where}: traceback is not an array of strings");
                break;
            case var other:
                problems.Add($"{where}: output_type '{other}'");
                break;
        }
    }

    private static void Bundle(JsonNode? node, string where, List<string> problems)
    {
        if (node is not JsonObject bundle)
        {
            problems.Add($"{where}: data is not an object");
            return;
        }

        foreach (var (mime, value) in bundle)
        {
            if (!JsonMime().IsMatch(mime))
                Multiline(value, $"{where}: {mime}", problems);
        }
    }

    private static void Tags(JsonNode tags, string where, List<string> problems)
    {
        var list = tags as JsonArray;
        var values = list?.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        if (values is null || values.Any(v => v is null || v.Length == 0 || v.Contains(',')) || values.Distinct().Count() != values.Count)
            problems.Add($"{where}: tags must be unique strings without commas");
    }

    private static void Multiline(JsonNode? node, string where, List<string> problems)
    {
        var ok = node switch
        {
            JsonValue value => value.TryGetValue<string>(out _),
            JsonArray lines => lines.All(l => l is JsonValue v && v.TryGetValue<string>(out _)),
            _ => false,
        };
        if (!ok)
            problems.Add($"{where} is neither a string nor an array of strings");
    }

    private static void Keys(JsonObject obj, string where, string[] required, string[] allowed, List<string> problems)
    {
        foreach (var key in required.Where(k => !obj.ContainsKey(k)))
            problems.Add($"{where}: missing '{key}'");
        foreach (var (key, _) in obj.Where(p => !required.Contains(p.Key) && !allowed.Contains(p.Key)))
            problems.Add($"{where}: unexpected '{key}'");
    }

    private static int? Integer(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
