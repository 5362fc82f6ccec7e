using Microsoft.Playwright;
using RecLab.Charts.Html;
using RecLab.Tests.Support;

namespace RecLab.Charts.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (never `playwright install`: the browser is
/// the system's). When the browser or the local plotly.js is missing, <see cref="SkipReason"/> says why and what to
/// install; the tests then skip with that message rather than pass.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>The local plotly.js to inline (the tests run offline: the CDN is unreachable here).</summary>
    public PlotlyScript? Plotly { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Browser test skipped: {ChromiumPath} is absent (install it with `apt-get install -y chromium`).";
            return;
        }

        var plotly = PlotlyScript.Locate();
        if (!plotly.IsInline)
        {
            SkipReason = $"Browser test skipped: no local plotly.js (run `npm ci` in web/ or set {PlotlyScript.EnvironmentVariable}).";
            return;
        }

        Plotly = plotly;
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>The browser, or a skipped test with the reason.</summary>
    public IBrowser RequireBrowser()
    {
        if (SkipReason is not null)
            TestSkip.Because(SkipReason);
        return Browser!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
