using RecLab.Charts;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Rendering;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Rendering;

public sealed class NotebookPageTests
{
    private static async Task<NotebookRun> RunChartsNotebook(string folder)
    {
        // RecLab.Charts, the Plotly.NET assemblies its charts are made of and RecLab.Notebooks' formatters, as
        // notebooks/reclab.csx references and registers them.
        var references = string.Concat(new[] { typeof(Notebook), typeof(ChartExtensions), typeof(Plotly.NET.GenericChart), typeof(Plotly.NET.CSharp.Chart), typeof(Microsoft.FSharp.Core.FSharpOption<>), typeof(DynamicObj.DynamicObj) }
            .Select(t => $"#r \"{t.Assembly.Location}\"\n"));
        var path = Write(folder,
            Markdown("# Charts page\n\nSome *emphasis* and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
            Code(references + "using RecLab.Charts;\nusing RecLab.Charts.Html;\nusing Plotly.NET.CSharp;\nRecLab.Notebooks.Notebook.Setup();"),
            Code("Plotly.NET.GenericChart Bars(string title) => Chart.Column<double, string, string>(new[] { 1.0, 2.0 }, Keys: new[] { \"a\", \"b\" }).WithTitle(title);\ndisplay(Bars(\"first\"));\nConsole.WriteLine(\"<not a tag>\");"),
            Code("new HtmlTable { Columns = [\"k\", \"v\"], Rows = [[\"x\", TableCell.Number(1.5)]] }"),
            Code("Bars(\"second\")"));
        var run = await new NotebookRunner().RunAsync(path, ct: TestContext.Current.CancellationToken);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        return run;
    }

    [Fact]
    public async Task The_page_loads_plotly_once_and_draws_every_chart_output()
    {
        using var temp = new TempFolder();
        var run = await RunChartsNotebook(temp.Path);
        var plotly = PlotlyScript.FromFile(HtmlDom.FakePlotly(Path.Combine(temp.Path, "plotly")));

        var doc = HtmlDom.Parse(run.ToHtmlPage().ToHtml(plotly));

        Assert.Equal("Charts page", doc.Title);
        Assert.Single(doc.Scripts, s => s.Text.Contains("FAKE-PLOTLY", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Scripts, s => s.Source is not null);
        var charts = doc.QuerySelectorAll("div.reclab-chart");
        Assert.Equal(["chart-1", "chart-2"], charts.Select(c => c.Id));
        Assert.Equal(["first", "second"], doc.Scripts.Where(s => s.Text.StartsWith("reclabDraw(", StringComparison.Ordinal))
            .Select(s => (string)HtmlDom.DrawArguments(s)[1]!["layout"]!["title"]!["text"]!));
        Assert.Equal("Charts page", doc.QuerySelector(".nb-markdown h1")!.TextContent);
        Assert.Equal("emphasis", doc.QuerySelector(".nb-markdown em")!.TextContent);
        Assert.Equal("2", doc.QuerySelector(".nb-markdown table td:nth-child(2)")!.TextContent);
        Assert.Equal("<not a tag>\n", doc.QuerySelector("pre.nb-stdout")!.TextContent);
        Assert.Equal("1.5000", doc.QuerySelector("table.reclab-table td.num")!.TextContent);
        Assert.Equal(["In [1]:", "In [2]:", "In [3]:", "In [4]:"], doc.QuerySelectorAll(".nb-prompt").Select(p => p.TextContent));
    }

    [Fact]
    public async Task A_notebook_read_back_from_disk_shows_its_html_outputs()
    {
        using var temp = new TempFolder();
        var run = await RunChartsNotebook(temp.Path);
        var (executed, _) = run.Save(Path.Combine(temp.Path, "out"), PlotlyScript.Cdn);

        // No live values now: the notebook fragments are used as they are, and fetch plotly themselves.
        var doc = HtmlDom.Parse(NotebookPage.Create(NotebookDocument.Load(executed), "fallback").ToHtml(PlotlyScript.Cdn));

        // Plotly.NET.Interactive's fragments, each in its recorded wrapper.
        Assert.Equal(["reclab-chart-c3-1", "reclab-chart-c5-1"], doc.QuerySelectorAll("div.reclab-figure > div > div[id]").Select(d => d.Id));
        Assert.Single(doc.QuerySelectorAll("table.reclab-table"));
        Assert.DoesNotContain(doc.Scripts, s => s.Source is not null);
    }
}
