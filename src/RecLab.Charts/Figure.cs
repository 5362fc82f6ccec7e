using RecLab.Charts.Html;
using RecLab.Charts.Interactive;
using RecLab.Charts.Serialization;

namespace RecLab.Charts;

/// <summary>
/// A plotly.js figure: <c>{"data": [traces], "layout": {...}}</c>. Only the fields that are set are written, so
/// plotly's defaults apply to the rest. In a .NET Interactive notebook a figure renders itself as a chart.
/// </summary>
/// <example>
/// <code>
/// var figure = new Figure
/// {
///     Data = [new Bar { X = new[] { "ALS", "BPR" }, Y = new[] { 0.31, 0.28 } }],
///     Layout = new Layout { Title = "nDCG@10" },
/// };
/// File.WriteAllText("chart.html", figure.ToHtml());
/// </code>
/// </example>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed record Figure
{
    /// <summary>The traces, drawn in order (later ones on top).</summary>
    public IReadOnlyList<Trace> Data { get; init; } = [];

    /// <summary>The layout; plotly's defaults when unset.</summary>
    public Layout? Layout { get; init; }

    /// <summary>The plotly.js figure JSON.</summary>
    public string ToJson(bool indented = false) => PlotlyJson.Serialize(this, indented);

    /// <summary>
    /// A complete HTML page showing this figure. plotly.js comes from <paramref name="plotly"/>, or when null from
    /// <see cref="PlotlyScript.Locate()"/> (inlined from a local copy when one is found, else the CDN).
    /// </summary>
    public string ToHtml(PlotlyScript? plotly = null) =>
        new HtmlPage(Layout?.Title?.Text ?? "Figure", showTitle: false).AddFigure(this).ToHtml(plotly);

    /// <summary>
    /// An HTML fragment for a notebook output cell: a div and a script that draws into it, loading plotly.js from
    /// the CDN only when the page has no <c>window.Plotly</c> yet (no require.js needed).
    /// </summary>
    /// <param name="divId">The id of the chart's div; by default <c>reclab-chart-{process}-{counter}</c>.</param>
    public string ToNotebookHtml(string? divId = null) => NotebookHtml.Render(this, divId ?? NotebookHtml.NextId());
}
