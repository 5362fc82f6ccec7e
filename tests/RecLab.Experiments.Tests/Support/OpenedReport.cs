using Microsoft.Playwright;
using RecLab.Charts.Tests.Support;

namespace RecLab.Experiments.Tests.Support;

/// <summary>
/// A report.html open in headless Chromium once every chart has drawn, with the errors the page logged and every URL it
/// asked for on the way: what each browser test of a report starts from.
/// </summary>
internal sealed class OpenedReport : IAsyncDisposable
{
    private OpenedReport(IBrowserContext context, IPage tab)
    {
        Context = context;
        Tab = tab;
    }

    private IBrowserContext Context { get; }

    /// <summary>The page, 1,200 × 900 CSS pixels.</summary>
    public IPage Tab { get; }

    /// <summary>Console errors and uncaught exceptions, in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Every URL the page requested.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The number of traces each chart should draw, in page order, from the figures embedded in the page.</summary>
    public static async Task<List<int>> ExpectedTraces(string html) =>
        HtmlDom.Parse(await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken)).QuerySelectorAll("script")
            .Where(s => s.TextContent.TrimStart().StartsWith("reclabDraw(", StringComparison.Ordinal))
            .Select(s => HtmlDom.DrawArguments(s)[1]!["data"]!.AsArray().Count).ToList();

    /// <summary>Opens <paramref name="html"/> and waits until <paramref name="charts"/> charts have drawn their SVG.</summary>
    public static async Task<OpenedReport> OpenAsync(IBrowser browser, string html, int charts, float timeoutMilliseconds)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var report = new OpenedReport(context, await context.NewPageAsync());
        report.Tab.Console += (_, message) =>
        {
            if (message.Type == "error")
                report.Errors.Add("console: " + message.Text);
        };
        report.Tab.PageError += (_, error) => report.Errors.Add("page: " + error);
        report.Tab.Request += (_, request) => report.Requests.Add(request.Url);
        await report.Tab.GotoAsync(new Uri(html).AbsoluteUri, new PageGotoOptions { Timeout = 60_000 });
        await report.Tab.WaitForFunctionAsync(
            "n => { const charts = [...document.querySelectorAll('div.reclab-chart')]; return charts.length === n && charts.every(el => el._fullLayout && el.querySelector('.main-svg')); }",
            charts, new PageWaitForFunctionOptions { Timeout = timeoutMilliseconds });
        return report;
    }

    /// <summary>Nothing went wrong on the page and nothing was fetched from outside the file system (the report is offline).</summary>
    public void AssertCleanAndOffline()
    {
        Assert.Empty(Errors);
        Assert.All(Requests, url => Assert.StartsWith("file://", url));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
