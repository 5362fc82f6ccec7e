using System.Text.Json;
using Microsoft.Playwright;
using RecLab.Charts.Tests.Browser;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;

namespace RecLab.Experiments.Tests.Reports;

/// <summary>report.html of a tiny experiment in headless Chromium: every chart drawn with its traces, no errors, nothing fetched.</summary>
[Trait("Category", "Browser")]
public sealed class ReportInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "browser-output");

    /// <summary>A copy for people to look at after a run, outside the build tree.</summary>
    private const string SharedScreenshot = "/tmp/reclab-report.png";

    /// <summary>The A/B part of the page alone, for people to look at.</summary>
    private const string AbScreenshot = "/tmp/reclab-ab-report.png";

    /// <summary>A short simulated A/B test on the same world, so the page has the A/B charts too.</summary>
    private const string AbTests = """
        ab_tests:
          - name: pop-vs-random
            world: tiny
            days: 5
            pre_days: 2
            metrics: [ctr, revenue-per-user, creator-coverage]
            arms:
              - algorithm: pop
                traffic: 0.5
              - algorithm: random
                traffic: 0.5
        report:
          charts: [ab-daily, ab-uplift,
        """;

    private sealed record ChartState(string Id, bool Plotly, int Traces, int Svgs);

    [Fact]
    public async Task The_report_of_a_tiny_experiment_renders_every_chart()
    {
        var browser = fixture.RequireBrowser();
        using var temp = new RecLab.Tests.Support.TempFolder();
        var yaml = Support.ReportExperiment.Yaml("synthetic:tiny", temp["results"], "tiny-report", ratings: false)
            .Replace("report:\n  charts: [", AbTests, StringComparison.Ordinal);
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(yaml, "tiny-report.yaml", null, null));
        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { Jobs = 2 }, TestContext.Current.CancellationToken);
        Assert.Empty(run.Failures);
        var results = ExperimentResults.Load(plan, new CellStore(run.OutputDirectory));
        new HtmlReportWriter(fixture.Plotly).Write(results);
        var html = Path.Combine(OutputFolder, HtmlReport.FileName);
        Directory.CreateDirectory(OutputFolder);
        File.Copy(Path.Combine(run.OutputDirectory, HtmlReport.FileName), html, overwrite: true);
        var expected = await OpenedReport.ExpectedTraces(html);
        // Two splits x (accuracy bars, coverage bars, nDCG@N, fit cost, grid heatmap, per-user boxes), then the A/B
        // test: uplift, ctr and revenue per user per day, p-values per day.
        Assert.Equal(12 + 4, expected.Count);
        Assert.Equal([1, 6, 6, 5], expected.TakeLast(4));

        await using var report = await OpenedReport.OpenAsync(browser, html, expected.Count, 60_000);
        var tab = report.Tab;
        var charts = (await tab.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('div.reclab-chart')].map(el => ({ id: el.id, plotly: el.classList.contains('js-plotly-plot'), traces: el.data ? el.data.length : -1, svgs: el.querySelectorAll('.main-svg').length }))"))
            .Deserialize<List<ChartState>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        report.AssertCleanAndOffline();
        Assert.Equal(expected.Count, charts.Count(c => c.Plotly));
        Assert.Equal(expected, charts.Select(c => c.Traces));
        Assert.All(charts, c => Assert.True(c.Svgs > 0, $"{c.Id} drew no SVG"));

        var screenshot = Path.Combine(OutputFolder, "report.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        File.Copy(screenshot, SharedScreenshot, overwrite: true);
        var top = await tab.EvaluateAsync<double>("() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent.startsWith('A/B test')); return h.getBoundingClientRect().top + window.scrollY; }");
        var height = await tab.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = AbScreenshot, FullPage = true, Clip = new Clip { X = 0, Y = (float)top, Width = 1200, Height = (float)(height - top) } });
        TestContext.Current.TestOutputHelper?.WriteLine($"page {html} ({new FileInfo(html).Length:N0} bytes), screenshot {screenshot} and {SharedScreenshot}");
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is not blank");
    }
}
