using System.Globalization;
using Plotly.NET;

namespace RecLab.Charts.Html;

/// <summary>
/// A Plotly.NET chart as a notebook output fragment. Notebook front ends run each output's scripts but share one
/// page, so the first fragment that finds no <c>window.Plotly</c> injects the CDN script and queues its drawing; later
/// fragments queue behind it, and all draw when it loads. No require.js: plotly.js sets <c>window.Plotly</c> itself.
/// </summary>
public static class NotebookHtml
{
    private static readonly string ProcessTag = Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture);
    private static int _counter;

    /// <summary>
    /// A fresh id: a counter, tagged with the process so a restarted kernel does not reuse the ids of charts
    /// still on the page from before the restart.
    /// </summary>
    internal static string NextId() =>
        "reclab-chart-" + ProcessTag + "-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The chart as an HTML fragment for a notebook output cell: a div and a script that draws into it, loading
    /// plotly.js from the CDN only when the page has no <c>window.Plotly</c> yet; without plotly.js the div names
    /// the chart that could not be drawn.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="divId">The id of the chart's div; by default <c>reclab-chart-{process}-{counter}</c>.</param>
    public static string ToNotebookHtml(this GenericChart chart, string? divId = null) => Render(chart, divId ?? NextId());

    private static string Render(GenericChart chart, string divId)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        ChartScript.WriteDiv(writer, divId);
        writer.WriteLine("<script type=\"text/javascript\">");
        writer.WriteLine("(function () {");
        writer.WriteLine("  var figure = " + ChartScript.Literal(chart) + ";");
        writer.WriteLine("  function draw(failed) {");
        writer.WriteLine("    var el = document.getElementById(" + ChartScript.IdLiteral(divId) + ");");
        writer.WriteLine("    if (!el) return;");
        writer.WriteLine("    if (failed || !window.Plotly) { " + ChartScript.ShowMissing + " return; }");
        writer.WriteLine("    window.Plotly.newPlot(el, figure.data, figure.layout || {}, " + ChartScript.Config + ");");
        writer.WriteLine("  }");
        writer.WriteLine("  if (window.Plotly) { draw(false); return; }");
        writer.WriteLine("  var queue = window.__reclabPlotlyQueue;");
        writer.WriteLine("  if (!queue) {");
        writer.WriteLine("    queue = window.__reclabPlotlyQueue = [];");
        writer.WriteLine("    var finish = function (failed) {");
        writer.WriteLine("      var waiting = window.__reclabPlotlyQueue || [];");
        writer.WriteLine("      window.__reclabPlotlyQueue = null;");
        writer.WriteLine("      waiting.forEach(function (f) { f(failed); });");
        writer.WriteLine("    };");
        writer.WriteLine("    var script = document.createElement(\"script\");");
        writer.WriteLine("    script.src = \"" + PlotlyScript.CdnUrl + "\";");
        writer.WriteLine("    script.charset = \"utf-8\";");
        writer.WriteLine("    script.onload = function () { finish(false); };");
        writer.WriteLine("    script.onerror = function () { finish(true); };");
        writer.WriteLine("    document.head.appendChild(script);");
        writer.WriteLine("  }");
        writer.WriteLine("  queue.push(draw);");
        writer.WriteLine("})();");
        writer.WriteLine("</script>");
        return writer.ToString();
    }
}
