using System.Net;
using Plotly.NET;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// The one place that knows how a chart value becomes notebook output: its interactive HTML (plotly.js loaded by
/// reference), its text summary, and the plotly figure JSON its static image is drawn from. A new chart type is a
/// new case here and in <see cref="NotebookFormatters"/>, not a change to any notebook.
/// </summary>
internal static class ChartOutput
{
    /// <summary>The chart types notebooks display.</summary>
    public static readonly Type[] Types = [typeof(GenericChart)];

    /// <summary>The plotly figure JSON (<c>{"data": [...], "layout": {...}}</c>) of <paramref name="chart"/>.</summary>
    public static string FigureJson(object chart) => chart switch
    {
        GenericChart figure => GenericChart.toFigureJson(figure),
        _ => throw new ArgumentException($"{chart.GetType().Name} is not a chart type RecLab notebooks display.", nameof(chart)),
    };

    /// <summary>
    /// The chart's notebook HTML. Inside a <c>reclab notebook run</c> its div id comes from the cell (so outputs are
    /// the same run after run) and a slot precedes it for the static image, which a script removes once plotly.js
    /// has drawn the interactive chart; elsewhere the chart alone.
    /// </summary>
    public static string Html(object chart)
    {
        if (NotebookSession.Current is not { } session)
            return Interactive(chart, divId: null);
        var id = session.AddChart(FigureJson(chart));
        return $"<div class=\"reclab-figure\">\n{StaticSlot(id)}\n{Interactive(chart, id)}<script type=\"text/javascript\">\n" +
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

    private static string Interactive(object chart, string? divId) => chart switch
    {
        GenericChart figure => figure.ToNotebookHtml(divId),
        _ => throw new ArgumentException($"{chart.GetType().Name} is not a chart type RecLab notebooks display.", nameof(chart)),
    };

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

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
}
