using System.Globalization;
using System.Text;
using Plotly.NET;

namespace RecLab.Charts.Html;

/// <summary>
/// Builds one self-contained HTML page from headings, paragraphs, tables, raw HTML fragments and Plotly.NET charts,
/// in the order added. plotly.js is loaded once in the head (only when the page has a chart); each chart is a div and
/// a one-line script with its figure JSON, so the page holds no chart twice and needs no network when plotly.js is
/// inlined.
/// </summary>
/// <example>
/// <code>
/// var page = new HtmlPage("ml-100k")
///     .AddHeading("Accuracy")
///     .AddChart(StandardPlots.MetricBars(estimates))
///     .AddTable(table);
/// page.Save("report.html");
/// </code>
/// </example>
public sealed class HtmlPage
{
    // No height on chart divs: plotly sizes a chart to its container's CSS height when there is one.
    private const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; background: #fff; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        p { line-height: 1.5; }
        .reclab-chart { width: 100%; margin: 0.5rem 0 1.5rem; }
        .reclab-chart-missing { padding: 1rem; border: 1px dashed #c00; color: #c00; }
        table.reclab-table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
        table.reclab-table caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
        table.reclab-table th, table.reclab-table td { border-bottom: 1px solid #e3e3e3; padding: 0.3rem 0.7rem; text-align: left; }
        table.reclab-table th { background: #f5f5f5; }
        table.reclab-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
        """;

    private readonly List<Action<TextWriter>> _parts = [];
    private readonly bool _showTitle;

    /// <summary>A page with the given title.</summary>
    /// <param name="title">The document title.</param>
    /// <param name="showTitle">Whether the title is also the page's top-level heading.</param>
    public HtmlPage(string title, bool showTitle = true)
    {
        Title = title;
        _showTitle = showTitle;
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>The number of charts added so far.</summary>
    public int ChartCount { get; private set; }

    /// <summary>Adds a heading; <paramref name="level"/> is 2 to 6 (the title is the only level 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 2..6.</exception>
    public HtmlPage AddHeading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        var tag = "h" + level.ToString(CultureInfo.InvariantCulture);
        _parts.Add(w => w.WriteLine("<" + tag + ">" + HtmlText.Encode(text) + "</" + tag + ">"));
        return this;
    }

    /// <summary>Adds a paragraph of plain text (escaped).</summary>
    public HtmlPage AddParagraph(string text)
    {
        _parts.Add(w => w.WriteLine("<p>" + HtmlText.Encode(text) + "</p>"));
        return this;
    }

    /// <summary>Adds a trusted HTML fragment as is (it is not escaped).</summary>
    public HtmlPage AddHtml(string html)
    {
        _parts.Add(w => w.WriteLine(html));
        return this;
    }

    /// <summary>Adds a table.</summary>
    public HtmlPage AddTable(HtmlTable table)
    {
        _parts.Add(table.WriteTo);
        return this;
    }

    /// <summary>
    /// Adds a chart, drawn in a div with id <c>chart-N</c> (N counts charts on this page from 1). Without plotly.js
    /// the div says so, naming the chart's title.
    /// </summary>
    public HtmlPage AddChart(GenericChart chart)
    {
        ChartCount++;
        var id = "chart-" + ChartCount.ToString(CultureInfo.InvariantCulture);
        _parts.Add(w =>
        {
            ChartScript.WriteDiv(w, id);
            w.WriteLine("<script>reclabDraw(" + ChartScript.IdLiteral(id) + ", " + ChartScript.Literal(chart) + ");</script>");
        });
        return this;
    }

    /// <summary>The page as a string; <paramref name="plotly"/> defaults to <see cref="PlotlyScript.Locate()"/>.</summary>
    public string ToHtml(PlotlyScript? plotly = null)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteTo(writer, plotly);
        return writer.ToString();
    }

    /// <summary>Writes the page to a UTF-8 file, creating its folder.</summary>
    public void Save(string path, PlotlyScript? plotly = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        WriteTo(writer, plotly);
    }

    /// <summary>Writes the page; <paramref name="plotly"/> defaults to <see cref="PlotlyScript.Locate()"/>.</summary>
    public void WriteTo(TextWriter writer, PlotlyScript? plotly = null)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<title>" + HtmlText.Encode(Title) + "</title>");
        writer.WriteLine("<style>");
        writer.WriteLine(Css);
        writer.WriteLine("</style>");
        if (ChartCount > 0)
        {
            (plotly ?? PlotlyScript.Locate()).WriteTag(writer);
            writer.WriteLine("<script>");
            writer.WriteLine(ChartScript.PageDrawFunction);
            writer.WriteLine("</script>");
        }

        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<main>");
        if (_showTitle)
            writer.WriteLine("<h1>" + HtmlText.Encode(Title) + "</h1>");
        foreach (var part in _parts)
            part(writer);
        writer.WriteLine("</main>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }
}
