using System.Text.Json.Nodes;
using RecLab.Simulation.Economics;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary>Formats a synthetic world's <see cref="CalibrationTable"/> as a terminal table or as JSON.</summary>
internal static class CalibrationView
{
    public static void Render(IAnsiConsole console, CalibrationTable calibration)
    {
        var sources = calibration.Figures.SelectMany(f => f.Sources).Distinct().ToList();
        var table = new Table().Title(Markup.Escape($"calibration of synthetic:{calibration.World} against published ranges"))
            .AddColumns("figure", "value", "published range", "in range", "sources");
        foreach (var f in calibration.Figures)
            table.AddRow(Markup.Escape(f.Name), Markup.Escape(f.Format(f.Value)), Markup.Escape($"{f.Format(f.Low)} – {f.Format(f.High)}"),
                f.InRange ? "yes" : "[red]NO[/]", string.Join(", ", f.Sources.Select(s => $"[{sources.IndexOf(s) + 1}]")).Replace("[", "[[").Replace("]", "]]"));
        console.Write(table);
        console.WriteLine($"Sponsored figures: forecast for {calibration.Campaign}.");
        for (var k = 0; k < sources.Count; k++)
            console.WriteLine($"[{k + 1}] {sources[k].Publisher}, \"{sources[k].Title}\" ({sources[k].Year}): {sources[k].Figure}. {sources[k].Url}");
    }

    public static JsonObject ToJson(CalibrationTable calibration) => new()
    {
        ["world"] = calibration.World,
        ["campaign"] = calibration.Campaign,
        ["all_in_range"] = calibration.AllInRange,
        ["figures"] = new JsonArray([.. calibration.Figures.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["value"] = Math.Round(f.Value, 6),
            ["low"] = f.Low,
            ["high"] = f.High,
            ["unit"] = f.Unit,
            ["in_range"] = f.InRange,
            ["definition"] = f.Definition,
            ["sources"] = new JsonArray([.. f.Sources.Select(s => (JsonNode)new JsonObject
            {
                ["publisher"] = s.Publisher, ["title"] = s.Title, ["year"] = s.Year, ["url"] = s.Url, ["figure"] = s.Figure,
            })]),
        })]),
    };

    /// <summary>Writes <c>calibration.md</c> into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, CalibrationTable calibration)
    {
        var path = Path.Combine(folder, "calibration.md");
        File.WriteAllText(path, calibration.ToMarkdown(), new System.Text.UTF8Encoding(false));
        return path;
    }
}
