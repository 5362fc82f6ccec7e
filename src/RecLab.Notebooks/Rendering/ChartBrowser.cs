using RecLab.Charts.Html;

namespace RecLab.Notebooks.Rendering;

/// <summary>
/// What draws static chart images: a headless Chromium and a local plotly.js (the pinned copy <c>npm ci</c> puts in
/// <c>web/node_modules</c>; the images must not depend on the network).
/// </summary>
/// <param name="Chromium">The Chromium (or Chrome) executable.</param>
/// <param name="PlotlyJs">A local <c>plotly.min.js</c>.</param>
public sealed record ChartBrowser(string Chromium, string PlotlyJs)
{
    /// <summary>The environment variable naming the browser executable.</summary>
    public const string ChromiumVariable = "RECLAB_CHROMIUM";

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// <c>RECLAB_CHROMIUM</c> or the first of chromium, chromium-browser, google-chrome on the PATH; plotly.js as
    /// <see cref="PlotlyScript.Locate()"/> finds it, which must be a local file.
    /// </summary>
    /// <exception cref="ChartImageException">Either is missing; the message says how to get it.</exception>
    public static ChartBrowser Locate()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(folder => Candidates.Select(name => Path.Combine(folder, name)))
                .FirstOrDefault(File.Exists);
        }

        if (chromium is null || !File.Exists(chromium))
            throw new ChartImageException(
                $"Static chart images need a headless Chromium: install it (Debian: apt-get install chromium) or set {ChromiumVariable} to its executable.");
        var plotly = PlotlyScript.Locate();
        if (!plotly.IsInline)
            throw new ChartImageException(
                $"Static chart images need a local plotly.js: run `npm ci` in web/ (it pins plotly.js {PlotlyScript.Version}) or set {PlotlyScript.EnvironmentVariable}.");
        return new ChartBrowser(chromium, plotly.FilePath!);
    }
}
