using System.Text.Json.Nodes;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>The results a notebook's committed outputs recorded: its scrapbook scraps, by name (numbers as double).</summary>
public static class CommittedFigures
{
    public static Dictionary<string, object> Of(string notebook)
    {
        var figures = new Dictionary<string, object>(StringComparer.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(notebook))!;
        foreach (var output in json["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []))
        {
            // A JSON object as nbformat stores it; a string where a client passed the kernel's text through.
            var scrap = output!["data"]?[RecordedResult.ScrapMimeType] switch
            {
                JsonObject obj => obj,
                JsonValue text when text.TryGetValue<string>(out var s) => JsonNode.Parse(s)!.AsObject(),
                _ => null,
            };
            if (scrap is null)
                continue;
            var data = scrap["data"]!.AsValue();
            figures[(string)scrap["name"]!] = data.TryGetValue<double>(out var number) ? number : (object)(string)data!;
        }

        return figures;
    }
}
