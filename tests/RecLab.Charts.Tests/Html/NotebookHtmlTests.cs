using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plotly.NET;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Tests.Html;

public sealed partial class NotebookHtmlTests
{
    private static GenericChart Small() => Chart.Scatter<int, int, string>([1, 2], [3, 4], StyleParam.Mode.Markers, UseDefaults: false);

    [Fact]
    public void Fragment_is_one_div_and_one_script_drawing_the_chart_into_it()
    {
        var chart = Small();
        var doc = HtmlDom.Parse("<body>" + chart.ToNotebookHtml("cell-7") + "</body>");

        var children = doc.Body!.Children;
        Assert.Equal(2, children.Length);
        Assert.Equal("cell-7", children[0].Id);
        Assert.Equal("SCRIPT", children[1].TagName);
        var script = children[1].TextContent;
        var literal = FigureLiteral().Match(script);
        Assert.True(literal.Success, "the script declares the figure");
        JsonAssert.Equal(GenericChart.toFigureJson(chart), literal.Groups[1].Value);
        Assert.Contains("document.getElementById(\"cell-7\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_is_injected_from_the_pinned_cdn_only_when_absent_and_without_require()
    {
        var script = HtmlDom.Parse("<body>" + Small().ToNotebookHtml("c") + "</body>").Scripts.Single().Text;

        Assert.Contains("if (window.Plotly) { draw(false); return; }", script, StringComparison.Ordinal);
        Assert.Contains("script.src = \"" + PlotlyScript.CdnUrl + "\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("require", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ids_are_unique_counters_not_guids()
    {
        var ids = Enumerable.Range(0, 50)
            .Select(_ => HtmlDom.Parse("<body>" + Small().ToNotebookHtml() + "</body>").QuerySelector("div")!.Id!)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^reclab-chart-[0-9a-f]+-[0-9]+$", id));
    }

    [Fact]
    public void Hostile_text_stays_inside_the_fragment_script()
    {
        var chart = Plotly.NET.Chart.withTitle("</script><script>window.pwned=1</script>", null).Invoke(Small());

        var doc = HtmlDom.Parse("<body>" + chart.ToNotebookHtml("x") + "</body>");

        Assert.Single(doc.Scripts);
        var literal = FigureLiteral().Match(doc.Scripts[0].Text).Groups[1].Value;
        Assert.Equal("</script><script>window.pwned=1</script>", (string?)JsonNode.Parse(literal)!["layout"]!["title"]!["text"]);
    }

    [GeneratedRegex(@"var figure = (.*);\n")]
    private static partial Regex FigureLiteral();
}
