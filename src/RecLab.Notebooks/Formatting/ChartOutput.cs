using System.Net;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// The one place that knows what a displayed chart is and how its kernel output becomes a recorded one. The kernel
/// draws charts through their own formatter (Plotly.NET.Interactive's for <c>GenericChart</c>, see
/// <see cref="NotebookFormatters"/>); <c>reclab notebook run</c> keeps each chart's figure JSON as it was shown, gives
/// its HTML an id from the cell (Plotly.NET draws a random one) and a slot for its static image beside it. A new chart
/// type is a new case here, not a change to any notebook.
/// </summary>
internal static partial class ChartOutput
{
    /// <summary>Whether <paramref name="value"/> is a chart notebooks display (and the runner draws a static image of).</summary>
    public static bool IsChart(object? value) => value is GenericChart;

    /// <summary>The plotly figure JSON (<c>{"data": [...], "layout": {...}}</c>) of <paramref name="chart"/>.</summary>
    public static string FigureJson(object chart) => chart switch
    {
        GenericChart figure => GenericChart.toFigureJson(figure),
        _ => throw new ArgumentException($"{chart.GetType().Name} is not a chart type RecLab notebooks display.", nameof(chart)),
    };

    /// <summary>
    /// The recorded form of a chart's kernel HTML: the div id Plotly.NET drew at random replaced by
    /// <paramref name="id"/> (so a notebook run twice writes the same bytes), after an empty slot for its static image
    /// (see <see cref="WithImage"/>) that a script removes once plotly.js has drawn the interactive chart. Null when
    /// <paramref name="html"/> is not Plotly.NET's chart HTML.
    /// </summary>
    public static string? Recorded(string html, string id)
    {
        var drawn = PlotlyDiv().Match(html);
        if (!drawn.Success)
            return null;
        var random = drawn.Groups["id"].Value;
        var interactive = html.Replace(random, id, StringComparison.Ordinal)
            .Replace(random.Replace("-", "", StringComparison.Ordinal), ScriptName(id), StringComparison.Ordinal);
        return $"<div class=\"reclab-figure\">\n{StaticSlot(id)}\n{interactive}\n<script type=\"text/javascript\">\n" +
               "(function () {\n" +
               $"  var slot = document.getElementById({Quoted(id + "-static")}), tries = 0;\n" +
               "  var timer = setInterval(function () {\n" +
               $"    var chart = document.getElementById({Quoted(id)});\n" +
               "    if (!slot || (chart && chart.classList.contains(\"js-plotly-plot\"))) { if (slot) slot.remove(); clearInterval(timer); }\n" +
               "    else if (++tries > 600) clearInterval(timer);\n" +
               "  }, 100);\n" +
               "})();\n</script>\n</div>";
    }

    /// <summary>The empty slot a chart's static image goes into (see <see cref="WithImage"/>).</summary>
    public static string StaticSlot(string id) => $"<div class=\"reclab-static\" id=\"{WebUtility.HtmlEncode(id + "-static")}\"></div>";

    /// <summary><paramref name="html"/> with the PNG in the slot of chart <paramref name="id"/>, or null when it has no such slot.</summary>
    public static string? WithImage(string html, string id, byte[] png, string alt)
    {
        var slot = StaticSlot(id);
        var at = html.IndexOf(slot, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var image = $"<div class=\"reclab-static\" id=\"{WebUtility.HtmlEncode(id + "-static")}\"><img alt=\"{WebUtility.HtmlEncode(alt)}\" " +
                    $"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"></div>";
        return string.Concat(html.AsSpan(0, at), image, html.AsSpan(at + slot.Length));
    }

    /// <summary>Alternative text for an image from its chart's figure JSON (the layout title, else "chart").</summary>
    public static string TitleFromJson(string figureJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(figureJson);
        if (document.RootElement.TryGetProperty("layout", out var layout) && layout.TryGetProperty("title", out var title))
        {
            if (title.ValueKind == System.Text.Json.JsonValueKind.String)
                return title.GetString() ?? "chart";
            if (title.TryGetProperty("text", out var text))
                return text.GetString() ?? "chart";
        }

        return "chart";
    }

    /// <summary>Plotly.NET's chart div (<c>HTML.CreateChartHTML</c>: a GUID id, which its script also names without dashes).</summary>
    [GeneratedRegex("""<div id="(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})">""")]
    private static partial Regex PlotlyDiv();

    /// <summary>The id as part of a JavaScript identifier (Plotly.NET's <c>renderPlotly_...</c> function).</summary>
    private static string ScriptName(string id) => NotInIdentifier().Replace(id, "_");

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotInIdentifier();

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
