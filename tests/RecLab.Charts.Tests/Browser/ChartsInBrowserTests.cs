using System.Text.Json;
using Microsoft.Playwright;
using Plotly.NET;
using RecLab.Charts.Html;
using RecLab.Charts.Plots;
using RecLab.Charts.Tests.Plots;

namespace RecLab.Charts.Tests.Browser;

/// <summary>Pages rendered by real plotly.js in headless Chromium: no errors, every chart drawn with its traces.</summary>
[Trait("Category", "Browser")]
public sealed class ChartsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Where pages and screenshots go, next to the test binaries.</summary>
    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "browser-output");

    private static readonly float Timeout = 60_000;

    private sealed record ChartState(string Id, bool Plotly, int Traces, int Svgs, double Height);

    [Fact]
    public async Task Standard_plots_render_without_errors()
    {
        var browser = fixture.RequireBrowser();
        var charts = SampleResults.StandardCharts();
        var page = new HtmlPage("RecLab standard plots").AddParagraph("Every standard plot, drawn by the inlined plotly.js " + PlotlyScript.Version + ".");
        foreach (var (_, title, chart) in charts)
            page.AddHeading(title).AddChart(chart);
        page.AddHeading("A table").AddTable(new HtmlTable { Columns = ["algorithm", "nDCG@10"], Rows = [["ALS", TableCell.Number(0.2) with { Strong = true }], ["BPR", TableCell.Number(0.15)]] });
        Directory.CreateDirectory(OutputFolder);
        var htmlPath = Path.Combine(OutputFolder, "standard-plots.html");
        page.Save(htmlPath, fixture.Plotly);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var tab = await context.NewPageAsync();
        var errors = CollectErrors(tab);
        var requests = new List<string>();
        tab.Request += (_, request) => requests.Add(request.Url);

        await tab.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { Timeout = Timeout });
        var drawn = await WaitForCharts(tab, charts.Count);

        Assert.Empty(errors);
        Assert.Equal(charts.Count, drawn.Count);
        for (var i = 0; i < charts.Count; i++)
        {
            var chart = drawn[i];
            Assert.Equal("chart-" + (i + 1), chart.Id);
            Assert.True(chart.Plotly, $"{chart.Id} ({charts[i].Title}) has no js-plotly-plot class");
            Assert.Equal(GenericChart.countTrace(charts[i].Chart), chart.Traces);
            Assert.True(chart.Svgs > 0, $"{chart.Id} drew no SVG");
            // plotly's default height; a container CSS height would squash it (margins then eat the plot area).
            Assert.Equal(450, chart.Height, 1.0);
        }

        // Inlined plotly: the page needs nothing but itself.
        Assert.All(requests, url => Assert.StartsWith("file://", url));
        var screenshot = Path.Combine(OutputFolder, "standard-plots.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"page {htmlPath} ({new FileInfo(htmlPath).Length:N0} bytes), screenshot {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is not blank");
    }

    [Fact]
    public async Task A_page_without_plotly_names_each_chart_it_cannot_draw()
    {
        var browser = fixture.RequireBrowser();
        await using var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        var pageErrors = new List<string>();
        tab.PageError += (_, error) => pageErrors.Add(error);
        await tab.RouteAsync(PlotlyScript.CdnUrl, route => route.AbortAsync());
        var html = new HtmlPage("Offline").AddChart(StandardPlots.MetricBars(SampleResults.Estimates(), "nDCG@10 by algorithm"))
            .AddChart(StandardPlots.AbDaily("CTR", SampleResults.Arms())).ToHtml(PlotlyScript.Cdn);

        await tab.SetContentAsync(html, new PageSetContentOptions { Timeout = Timeout });

        Assert.Empty(pageErrors);
        var texts = await tab.EvalOnSelectorAllAsync<string[]>("div.reclab-chart-missing", "els => els.map(e => e.textContent)");
        Assert.Equal(2, texts.Length);
        Assert.Contains("\u201cnDCG@10 by algorithm\u201d", texts[0], StringComparison.Ordinal);
        Assert.Contains("\u201cCTR per day by arm\u201d", texts[1], StringComparison.Ordinal);
    }

    private static List<string> CollectErrors(IPage tab)
    {
        var errors = new List<string>();
        tab.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add("console: " + message.Text);
        };
        tab.PageError += (_, error) => errors.Add("page: " + error);
        return errors;
    }

    /// <summary>Waits until plotly has laid out every chart div, then reads each one's state.</summary>
    private static async Task<List<ChartState>> WaitForCharts(IPage tab, int count)
    {
        await tab.WaitForFunctionAsync(
            "n => { const charts = [...document.querySelectorAll('div.reclab-chart')]; return charts.length === n && charts.every(el => el._fullLayout && el.querySelector('.main-svg')); }",
            count,
            new PageWaitForFunctionOptions { Timeout = Timeout });
        var json = await tab.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('div.reclab-chart')].map(el => ({ id: el.id, plotly: el.classList.contains('js-plotly-plot'), traces: el.data ? el.data.length : -1, svgs: el.querySelectorAll('.main-svg').length, height: el.getBoundingClientRect().height }))");
        return json.Deserialize<List<ChartState>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
