using System.Net;
using Markdig;
using Plotly.NET;
using RecLab.Charts.Html;
using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks.Rendering;

/// <summary>
/// A notebook as one standalone HTML page: markdown rendered, code with its outputs. Charts are drawn through
/// <see cref="HtmlPage"/>, so plotly.js is loaded once in the page head however many charts there are.
/// </summary>
public static class NotebookPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Css = """
        <style>
        .nb-markdown { margin: 1rem 0; }
        .nb-markdown code, .nb-source { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        .nb-markdown table { border-collapse: collapse; }
        .nb-markdown th, .nb-markdown td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; }
        .nb-code { margin: 1rem 0 0.25rem; }
        .nb-prompt { color: #307fc1; font: 0.8rem ui-monospace, monospace; margin-bottom: 0.2rem; }
        .nb-source { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.85rem; margin: 0; }
        .nb-output { margin: 0.4rem 0 1rem 1.2rem; }
        .nb-output pre { margin: 0.2rem 0; font-size: 0.85rem; white-space: pre-wrap; }
        .nb-stderr { color: #b35900; }
        .nb-error { color: #b00020; background: #fff0f0; padding: 0.5rem; border-left: 3px solid #b00020; }
        </style>
        """;

    /// <summary>The page for <paramref name="notebook"/>; its title is the first markdown heading, else <paramref name="fallbackTitle"/>.</summary>
    public static HtmlPage Create(NotebookDocument notebook, string fallbackTitle)
    {
        var page = new HtmlPage(Title(notebook) ?? fallbackTitle, showTitle: false).AddHtml(Css);
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    page.AddHtml("<div class=\"nb-markdown\">\n" + Markdig.Markdown.ToHtml(cell.Source, Markdown) + "</div>");
                    break;
                case CellKind.Code:
                    AddCode(page, cell);
                    break;
                default:
                    page.AddHtml("<pre class=\"nb-raw\">" + Encode(cell.Source) + "</pre>");
                    break;
            }
        }

        return page;
    }

    private static void AddCode(HtmlPage page, NotebookCell cell)
    {
        var prompt = cell.ExecutionCount is { } count ? $"In [{count}]:" : "In [ ]:";
        page.AddHtml($"<div class=\"nb-code\"><div class=\"nb-prompt\">{prompt}</div><pre class=\"nb-source\"><code class=\"language-csharp\">{Encode(cell.Source)}</code></pre></div>");
        if (cell.Outputs.Count == 0)
            return;
        page.AddHtml("<div class=\"nb-output\">");
        foreach (var output in cell.Outputs)
            AddOutput(page, output);
        page.AddHtml("</div>");
    }

    private static void AddOutput(HtmlPage page, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput stream:
                page.AddHtml($"<pre class=\"nb-{stream.Name}\">{Encode(stream.Text)}</pre>");
                break;
            case ErrorOutput error:
                page.AddHtml($"<pre class=\"nb-error\">{Encode(error.Name + ": " + error.Value)}\n{Encode(string.Join("\n", error.Traceback))}</pre>");
                break;
            // Redrawn from the value where we have it: the page's own plotly, not the fragment's CDN loader.
            case DisplayOutput { Value: GenericChart chart }:
                page.AddChart(chart);
                break;
            case DisplayOutput { Value: HtmlTable table }:
                page.AddTable(table);
                break;
            case DisplayOutput display when display.Data.TryGetValue("text/html", out var html):
                page.AddHtml(html);
                break;
            case DisplayOutput display when display.Data.TryGetValue("image/png", out var png):
                page.AddHtml($"<img alt=\"output\" src=\"data:image/png;base64,{png.Trim()}\">");
                break;
            case DisplayOutput display:
                page.AddHtml($"<pre>{Encode(display.Data.TryGetValue("text/plain", out var text) ? text : "")}</pre>");
                break;
        }
    }

    private static string? Title(NotebookDocument notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
        {
            var heading = cell.Source.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
            if (heading is not null)
                return heading[2..].Trim();
        }

        return null;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
