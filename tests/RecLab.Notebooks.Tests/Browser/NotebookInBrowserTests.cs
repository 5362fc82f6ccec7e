using System.Text.Json;
using Microsoft.Playwright;
using RecLab.Charts.Tests.Browser;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;

namespace RecLab.Notebooks.Tests.Browser;

/// <summary>The executed quickstart's HTML page in headless Chromium: every chart drawn, no errors, nothing fetched.</summary>
[Trait("Category", "Browser")]
public sealed class NotebookInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "browser-output");

    [Fact]
    public async Task The_executed_quickstart_page_renders_its_charts_and_tables()
    {
        var browser = fixture.RequireBrowser();
        var data = Repository.MovieLensSmall();
        var run = await new NotebookRunner().RunAsync(Path.Combine(Repository.NotebooksFolder, "00-quickstart.ipynb"),
            new NotebookRunOptions { Parameters = new Dictionary<string, string> { ["data"] = data } }, TestContext.Current.CancellationToken);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var (_, html) = run.Save(OutputFolder, fixture.Plotly);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var tab = await context.NewPageAsync();
        var errors = new List<string>();
        tab.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
        tab.PageError += (_, error) => errors.Add(error);
        var requests = new List<string>();
        tab.Request += (_, request) => requests.Add(request.Url);

        await tab.GotoAsync(new Uri(html).AbsoluteUri, new PageGotoOptions { Timeout = 60_000 });
        await tab.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('div.reclab-chart')].every(el => el._fullLayout && el.querySelector('.main-svg'))",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var state = await tab.EvaluateAsync<JsonElement>(
            "() => ({ charts: document.querySelectorAll('div.js-plotly-plot').length, bars: document.querySelectorAll('div.reclab-chart g.point').length, " +
            "tables: document.querySelectorAll('table.reclab-table').length, headings: [...document.querySelectorAll('h1, h2')].map(h => h.textContent) })");

        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file://", url));
        Assert.Equal(1, state.GetProperty("charts").GetInt32());
        Assert.Equal(5, state.GetProperty("bars").GetInt32());
        Assert.Equal(3, state.GetProperty("tables").GetInt32());
        Assert.Equal(["00 · Quickstart: load, split, fit, evaluate", "Split", "Fit and recommend", "Evaluate", "Recorded results"],
            state.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        var screenshot = Path.Combine(OutputFolder, "00-quickstart.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"page {html}, screenshot {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is not blank");
    }
}
