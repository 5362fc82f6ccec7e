using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Plotly.NET;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Tests.Html;

public sealed class HtmlPageTests
{
    private static GenericChart SmallChart(string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(Chart.Column<double, string, string>([1.0, 2.0], Keys: new[] { "a", "b" }, UseDefaults: false));

    [Fact]
    public void Plotly_is_loaded_once_for_many_charts_and_inlined_from_a_local_file()
    {
        using var temp = new TempFolder();
        var plotly = PlotlyScript.FromFile(HtmlDom.FakePlotly(temp.Path));
        var page = new HtmlPage("Report");
        for (var i = 0; i < 5; i++)
            page.AddChart(SmallChart("chart " + i));

        var doc = HtmlDom.Parse(page.ToHtml(plotly));

        var loaders = doc.Scripts.Where(s => s.Text.Contains("FAKE-PLOTLY", StringComparison.Ordinal)).ToList();
        Assert.Single(loaders);
        Assert.Same(doc.Head, loaders[0].ParentElement);
        Assert.DoesNotContain(doc.Scripts, s => s.Source is not null);
        Assert.Equal(5, doc.QuerySelectorAll("div.reclab-chart").Length);
    }

    [Fact]
    public void Plotly_comes_from_the_cdn_once_when_no_local_copy_is_given()
    {
        var page = new HtmlPage("Report").AddChart(SmallChart("a")).AddChart(SmallChart("b"));

        var doc = HtmlDom.Parse(page.ToHtml(PlotlyScript.Cdn));

        var external = doc.Scripts.Where(s => s.Source is not null).ToList();
        Assert.Single(external);
        Assert.Equal(PlotlyScript.CdnUrl, external[0].Source);
    }

    [Fact]
    public void Each_chart_is_a_numbered_div_followed_by_its_plotly_net_figure_json()
    {
        var charts = new[] { SmallChart("first"), SmallChart("second") };
        var page = new HtmlPage("Report").AddChart(charts[0]).AddChart(charts[1]);

        var doc = HtmlDom.Parse(page.ToHtml(PlotlyScript.Cdn));

        for (var i = 0; i < charts.Length; i++)
        {
            var id = "chart-" + (i + 1);
            var div = doc.GetElementById(id);
            Assert.NotNull(div);
            var script = div.NextElementSibling;
            Assert.Equal("SCRIPT", script?.TagName);
            var args = HtmlDom.DrawArguments(script!);
            Assert.Equal(id, (string?)args[0]);
            JsonAssert.Equal(GenericChart.toFigureJson(charts[i]), args[1]!.ToJsonString());
        }
    }

    [Fact]
    public void Script_end_tags_in_text_cannot_break_out_of_the_page()
    {
        const string hostile = "</script><script>window.pwned = 1</script><!--";
        var chart = SmallChart(hostile);
        var table = new HtmlTable { Columns = [hostile], Rows = [[hostile]] };
        var page = new HtmlPage(hostile).AddHeading(hostile).AddParagraph(hostile).AddTable(table).AddChart(chart);

        var doc = HtmlDom.Parse(page.ToHtml(PlotlyScript.Cdn));

        // plotly, the draw helper and the one chart: an injected <script> would make a fourth.
        Assert.Equal(3, doc.Scripts.Length);
        Assert.Equal(hostile, doc.Title);
        Assert.Equal(hostile, doc.QuerySelector("h2")!.TextContent);
        Assert.Equal(hostile, doc.QuerySelector("td")!.TextContent);
        var args = HtmlDom.DrawArguments(doc.GetElementById("chart-1")!.NextElementSibling!);
        Assert.Equal(hostile, (string?)args[1]!["layout"]!["title"]!["text"]);
    }

    [Fact]
    public void An_inlined_plotly_source_containing_a_script_end_tag_stays_one_script()
    {
        using var temp = new TempFolder();
        var plotly = PlotlyScript.FromFile(HtmlDom.FakePlotly(temp.Path, "var s = '</SCRIPT>'; window.Plotly = { newPlot: function () {} };"));

        var doc = HtmlDom.Parse(new HtmlPage("p").AddChart(SmallChart("x")).ToHtml(plotly));

        Assert.Equal(3, doc.Scripts.Length);
        Assert.Contains("<\\/script>", doc.Scripts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_charts_loads_no_plotly()
    {
        var doc = HtmlDom.Parse(new HtmlPage("Tables only").AddParagraph("no charts here").ToHtml(PlotlyScript.Cdn));

        Assert.Empty(doc.Scripts);
    }

    [Fact]
    public void Parts_appear_in_the_order_they_were_added()
    {
        var page = new HtmlPage("Experiment")
            .AddHeading("Data", 2)
            .AddParagraph("610 users")
            .AddHtml("<aside id=\"raw\">raw <em>fragment</em></aside>")
            .AddHeading("Results", 3)
            .AddTable(new HtmlTable { Columns = ["algorithm"], Rows = [["ALS"]] })
            .AddChart(SmallChart("chart"));

        var doc = HtmlDom.Parse(page.ToHtml(PlotlyScript.Cdn));

        var tags = doc.QuerySelector("main")!.Children.Select(e => e.TagName.ToLowerInvariant()).ToArray();
        Assert.Equal(["h1", "h2", "p", "aside", "h3", "table", "div", "script"], tags);
        Assert.Equal("fragment", doc.QuerySelector("#raw em")!.TextContent);
    }

    [Fact]
    public void Heading_levels_are_limited_to_two_through_six()
    {
        var page = new HtmlPage("p");
        Assert.Throws<ArgumentOutOfRangeException>(() => page.AddHeading("x", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => page.AddHeading("x", 7));
    }

    [Fact]
    public void Save_writes_the_same_page_as_to_html()
    {
        using var temp = new TempFolder();
        var page = new HtmlPage("Saved").AddChart(SmallChart("s"));
        var path = Path.Combine(temp.Path, "sub", "report.html");

        page.Save(path, PlotlyScript.Cdn);

        Assert.Equal(page.ToHtml(PlotlyScript.Cdn), File.ReadAllText(path));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void Table_cells_carry_emphasis_alignment_and_tooltips()
    {
        var table = new HtmlTable
        {
            Caption = "ml-100k",
            Columns = ["algorithm", "nDCG@10"],
            Rows =
            [
                ["ALS", TableCell.Number(0.31234) with { Strong = true, Tooltip = "95% CI [0.30, 0.32]" }],
                ["Random", TableCell.Number(double.NaN)],
            ],
        };

        var doc = HtmlDom.Parse("<body>" + table.ToHtml() + "</body>");

        Assert.Equal("ml-100k", doc.QuerySelector("caption")!.TextContent);
        Assert.Equal(["algorithm", "nDCG@10"], doc.QuerySelectorAll("th").Select(th => th.TextContent));
        var best = doc.QuerySelectorAll("tbody tr")[0].Children[1];
        Assert.Equal("num", best.ClassName);
        Assert.Equal("95% CI [0.30, 0.32]", best.GetAttribute("title"));
        Assert.Equal("0.3123", best.QuerySelector("strong")!.TextContent);
        Assert.Equal("\u2013", doc.QuerySelectorAll("tbody tr")[1].Children[1].TextContent);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_rejected_with_its_row_number()
    {
        var table = new HtmlTable { Columns = ["a", "b"], Rows = [["1", "2"], ["3"]] };

        var error = Assert.Throws<InvalidOperationException>(() => table.ToHtml());

        Assert.Contains("row 2", error.Message);
    }
}
