using System.Text.Json;
using Microsoft.Playwright;
using RecLab.Charts.Tests.Browser;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>The README's main command: the default suite on the synthetic world, end to end, and its report in a browser.</summary>
[Trait("Category", "Slow")]
public sealed class DefaultSuiteTests(DefaultSuiteRun suite, BrowserFixture browser) : IClassFixture<DefaultSuiteRun>, IClassFixture<BrowserFixture>
{
    /// <summary>Screenshots of the charts the readability checks measure, for people to look at after a run.</summary>
    private static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "reclab-default-report");

    [Fact]
    public void The_default_suite_runs_every_cell_and_ranks_models_above_random()
    {
        Assert.Empty(suite.Run.Failures);
        Assert.Equal(suite.Plan.Cells.Count, suite.Run.Succeeded);
        foreach (var table in suite.Results.Tables)
        {
            double Ndcg(string configuration) => table.Rows.Single(r => r.Configuration == configuration).Metrics.Single(m => m.Name == "ndcg@10").Value;
            Assert.All(table.Rows.Where(r => r.Algorithm != "random"), r => Assert.True(Ndcg(r.Configuration) > 5 * Ndcg("random"), $"{table.Split}: {r.Configuration}"));
            Assert.True(Ndcg("als") > Ndcg("popular"), $"{table.Split}: ALS beats popularity");
        }
        // The A/B test at the end, with its campaign: ROAS is compared between the arms.
        Assert.Empty(suite.Run.AbTestFailures);
        Assert.Contains("| roas | als |", File.ReadAllText(Path.Combine(suite.Folder, "summary.md")));
        // Calibrated economics: every arm returns 2 to 10 dollars per ad dollar, as e-commerce campaigns do (the calibration
        // table's sources), not the hundreds a world with a tenfold funnel gave.
        var roas = File.ReadLines(Path.Combine(suite.Folder, "ab", "popular-vs-als", "summary.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "roas").ToList();
        Assert.Equal(2, roas.Count);
        Assert.All(roas, f => Assert.InRange(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), 2.0, 10.0));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_default_report_draws_all_17_charts_readably_and_offline()
    {
        var chromium = browser.RequireBrowser();
        // The report as `reclab run` wrote it, rewritten with the local plotly.js inlined (the run may have found none).
        new HtmlReportWriter(browser.Plotly).Write(suite.Results);
        var html = Path.Combine(suite.Folder, HtmlReport.FileName);
        var expected = await OpenedReport.ExpectedTraces(html);
        // Per split: accuracy, coverage and novelty bars, fit cost, per-user boxes; then the A/B test: uplift, each of its five
        // per-user metrics per day (creator coverage is not one), p-values.
        Assert.Equal(2 * 5 + 1 + 5 + 1, expected.Count);

        await using var report = await OpenedReport.OpenAsync(chromium, html, expected.Count, 120_000);
        var tab = report.Tab;
        var traces = await tab.EvaluateAsync<int[]>("() => [...document.querySelectorAll('div.reclab-chart')].map(el => el.classList.contains('js-plotly-plot') && el.querySelector('.main-svg') ? el.data.length : -1)");

        report.AssertCleanAndOffline();
        Assert.Equal(expected, traces);

        Directory.CreateDirectory(ScreenshotFolder);
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "report.png"), FullPage = true });
        await FitTimeLabelsDoNotOverlap(tab);
        await PerUserBoxesHaveHeight(tab);
        await AlphaSitsBelowTheTopOfThePValueAxis(tab);
        TestContext.Current.TestOutputHelper?.WriteLine($"report {html}, screenshots in {ScreenshotFolder}");
    }

    /// <summary>Every label of both accuracy-against-fit-time charts, as drawn: no two overlap, none covers a point.</summary>
    private static async Task FitTimeLabelsDoNotOverlap(IPage tab)
    {
        var charts = await Charts(tab, "Accuracy vs fit time");
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            await Screenshot(chart, "fit-time");
            var labels = await Boxes(chart, "g.annotation-text-g text");
            var points = await Boxes(chart, ".scatterlayer path.point");
            Assert.Equal(8, labels.Count);
            Assert.Equal(8, points.Count);
            for (var i = 0; i < labels.Count; i++)
            {
                for (var j = i + 1; j < labels.Count; j++)
                    Assert.False(labels[i].Overlaps(labels[j]), $"labels '{labels[i].Text}' and '{labels[j].Text}' overlap");
                Assert.DoesNotContain(points, p => labels[i].Overlaps(p));
            }
        }
    }

    /// <summary>On both splits, every algorithm whose box holds at least 20 users draws a box, not a line at 0.</summary>
    private static async Task PerUserBoxesHaveHeight(IPage tab)
    {
        var charts = await Charts(tab, "Per-user ");
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            await Screenshot(chart, "per-user");
            var boxes = await chart.EvaluateAsync<JsonElement>(
                "el => el.data.map((t, i) => ({ users: t.y.length, height: el.querySelectorAll('.boxlayer .trace')[i].querySelector('path.box').getBBox().height }))");
            var drawn = boxes.EnumerateArray().Where(b => b.GetProperty("users").GetInt32() >= 20).Select(b => b.GetProperty("height").GetDouble()).ToList();
            Assert.NotEmpty(drawn);
            Assert.All(drawn, height => Assert.True(height >= 8, $"a box is {height:0.0} px tall: collapsed"));
        }
    }

    /// <summary>The α = 0.05 line sits between a tenth and two fifths of the way down the p-value axis, not on its top edge.</summary>
    private static async Task AlphaSitsBelowTheTopOfThePValueAxis(IPage tab)
    {
        var chart = Assert.Single(await Charts(tab, "P-values per day"));
        await Screenshot(chart, "p-values");
        var plot = (await Boxes(chart, ".nsewdrag")).Single();
        var alpha = (await Boxes(chart, ".scatterlayer .trace:last-child path.js-line")).Single();
        var depth = (alpha.Y + alpha.Height / 2 - plot.Y) / plot.Height;
        Assert.InRange(depth, 0.1, 0.4);
    }

    private sealed record Box(string Text, double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) => X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    private static async Task<List<IElementHandle>> Charts(IPage tab, string titleStart)
    {
        var charts = new List<IElementHandle>();
        foreach (var chart in await tab.QuerySelectorAllAsync("div.reclab-chart"))
            if ((await chart.EvaluateAsync<string>("el => el._fullLayout.title.text")).StartsWith(titleStart, StringComparison.Ordinal))
                charts.Add(chart);
        return charts;
    }

    private static async Task<List<Box>> Boxes(IElementHandle chart, string selector) =>
        [.. (await chart.EvaluateAsync<JsonElement>(
                "(el, s) => [...el.querySelectorAll(s)].map(e => { const r = e.getBoundingClientRect(); return { text: e.textContent, x: r.x, y: r.y, width: r.width, height: r.height }; })", selector))
            .EnumerateArray().Select(b => new Box(b.GetProperty("text").GetString() ?? "", b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(),
                b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble()))];

    private static async Task Screenshot(IElementHandle chart, string name)
    {
        var id = await chart.GetAttributeAsync("id");
        await chart.ScreenshotAsync(new ElementHandleScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{id}.png") });
    }
}
