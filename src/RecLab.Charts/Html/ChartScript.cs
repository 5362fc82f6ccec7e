using RecLab.Charts.Serialization;

namespace RecLab.Charts.Html;

/// <summary>The div and script that draw one figure; pages and notebook fragments differ only in how plotly arrives.</summary>
internal static class ChartScript
{
    /// <summary>The plotly config every chart gets: resize with the page, no plotly logo.</summary>
    public const string Config = "{\"responsive\":true,\"displaylogo\":false}";

    /// <summary>Shown in place of a chart when plotly.js never arrived.</summary>
    public const string MissingPlotlyMessage =
        "plotly.js did not load, so this chart cannot be drawn (offline? run `npm ci` in web/ or set RECLAB_PLOTLY_JS).";

    /// <summary>The page-level helper that draws a figure, written once per page after plotly.js.</summary>
    public const string PageDrawFunction =
        "function reclabDraw(id, figure) {\n" +
        "  var el = document.getElementById(id);\n" +
        "  if (!window.Plotly) { el.className += \" reclab-chart-missing\"; el.textContent = \"" + MissingPlotlyMessage + "\"; return; }\n" +
        "  window.Plotly.newPlot(el, figure.data, figure.layout || {}, " + Config + ");\n" +
        "}";

    public static void WriteDiv(TextWriter writer, string id)
    {
        writer.Write("<div id=\"");
        writer.Write(HtmlText.Encode(id));
        writer.WriteLine("\" class=\"reclab-chart\"></div>");
    }

    /// <summary>The figure JSON as a JavaScript literal that cannot end its script element.</summary>
    public static string Literal(Figure figure) => PlotlyJson.SerializeForScript(figure);

    /// <summary>A JavaScript string literal for an element id.</summary>
    public static string IdLiteral(string id) => PlotlyJson.SerializeForScript(id);
}
