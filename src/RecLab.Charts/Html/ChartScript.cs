using System.Text.Json;
using Plotly.NET;

namespace RecLab.Charts.Html;

/// <summary>The div and script that draw one chart; pages and notebook fragments differ only in how plotly arrives.</summary>
internal static class ChartScript
{
    /// <summary>The plotly config every chart gets: resize with the page, no plotly logo.</summary>
    public const string Config = "{\"responsive\":true,\"displaylogo\":false}";

    /// <summary>
    /// JavaScript that shows, in place of the chart in <c>el</c>, that plotly.js never arrived, naming the chart's
    /// title (from <c>figure</c>) so a reader knows what is missing.
    /// </summary>
    public const string ShowMissing =
        "var t = figure.layout && figure.layout.title ? (figure.layout.title.text || figure.layout.title) : \"\";" +
        " el.className += \" reclab-chart-missing\";" +
        " el.textContent = \"plotly.js did not load, so the chart \" + (t ? \"\\u201c\" + String(t).replace(/<br>/g, \" \") + \"\\u201d \" : \"\")" +
        " + \"cannot be drawn (offline? run `npm ci` in web/ or set RECLAB_PLOTLY_JS).\";";

    /// <summary>The page-level helper that draws a chart, written once per page after plotly.js.</summary>
    public const string PageDrawFunction =
        "function reclabDraw(id, figure) {\n" +
        "  var el = document.getElementById(id);\n" +
        "  if (!window.Plotly) { " + ShowMissing + " return; }\n" +
        "  window.Plotly.newPlot(el, figure.data, figure.layout || {}, " + Config + ");\n" +
        "}";

    public static void WriteDiv(TextWriter writer, string id)
    {
        writer.Write("<div id=\"");
        writer.Write(HtmlText.Encode(id));
        writer.WriteLine("\" class=\"reclab-chart\"></div>");
    }

    /// <summary>
    /// The chart's plotly.js figure (<c>{"data": [...], "layout": {...}}</c>, serialized by Plotly.NET) as a
    /// JavaScript literal that cannot end its script element: every <c>&lt;</c> (which JSON has only inside strings)
    /// becomes <c>\u003c</c>, so no <c>&lt;/script&gt;</c> or <c>&lt;!--</c> can end or confuse the element.
    /// </summary>
    public static string Literal(GenericChart chart) => GenericChart.toFigureJson(chart).Replace("<", "\\u003c", StringComparison.Ordinal);

    /// <summary>A JavaScript string literal for an element id.</summary>
    public static string IdLiteral(string id) => JsonSerializer.Serialize(id).Replace("<", "\\u003c", StringComparison.Ordinal);
}
