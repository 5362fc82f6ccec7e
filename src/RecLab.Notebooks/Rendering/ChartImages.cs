using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecLab.Notebooks.Rendering;

/// <summary>
/// Static PNGs of plotly figures, drawn by plotly.js's own <c>Plotly.toImage</c> in one headless Chromium per call
/// (plotly.js is parsed once for all of a notebook's charts), so a notebook viewer without JavaScript still shows
/// every chart, re-encoded as a palette PNG (<see cref="Compact"/>). Plotly.NET.ImageExport does the same through
/// PuppeteerSharp, but fetches a browser of its own and plotly.js from the CDN, neither of which works offline; this
/// drives the machine's Chromium from the command line.
/// </summary>
public static partial class ChartImages
{
    /// <summary>Width of an image whose figure sets none, in pixels (a notebook's output column).</summary>
    public const int DefaultWidth = 720;

    /// <summary>Height of an image whose figure sets none.</summary>
    public const int DefaultHeight = 450;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [GeneratedRegex("<pre id=\"reclab-images\">(?<json>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Result();

    /// <summary>The PNG of each figure (plotly figure JSON by id), by the same ids.</summary>
    /// <exception cref="ChartImageException">No browser or plotly.js (see <see cref="ChartBrowser.Locate"/>), or the browser failed.</exception>
    public static async Task<IReadOnlyDictionary<string, byte[]>> RenderAsync(
        IReadOnlyDictionary<string, string> figures, ChartBrowser? browser = null, CancellationToken ct = default)
    {
        if (figures.Count == 0)
            return new Dictionary<string, byte[]>();
        browser ??= ChartBrowser.Locate();
        var folder = Directory.CreateTempSubdirectory("reclab-images-");
        try
        {
            var page = Path.Combine(folder.FullName, "images.html");
            await File.WriteAllTextAsync(page, Page(figures, browser.PlotlyJs), ct);
            var dom = await RunChromium(browser.Chromium, page, Path.Combine(folder.FullName, "profile"), ct);
            return Parse(dom, figures.Keys);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Page(IReadOnlyDictionary<string, string> figures, string plotlyJs)
    {
        var list = new StringBuilder("[");
        foreach (var (id, json) in figures.OrderBy(f => f.Key, StringComparer.Ordinal))
            list.Append(list.Length > 1 ? "," : "").Append("{\"id\":").Append(JsonSerializer.Serialize(id)).Append(",\"figure\":").Append(json).Append('}');
        list.Append(']');
        // "</" cannot end the script element early once escaped; JSON means the same with "<\/".
        var figuresLiteral = list.ToString().Replace("</", "<\\/", StringComparison.Ordinal);
        var width = DefaultWidth.ToString(CultureInfo.InvariantCulture);
        var height = DefaultHeight.ToString(CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><script src="{{new Uri(plotlyJs).AbsoluteUri}}" charset="utf-8"></script></head>
            <body><pre id="reclab-images">pending</pre>
            <script>
            (function () {
              var out = document.getElementById("reclab-images");
              if (!window.Plotly) { out.textContent = "error: plotly.js did not load"; return; }
              var figures = {{figuresLiteral}};
              Promise.all(figures.map(function (f) {
                var layout = f.figure.layout || {};
                return Plotly.toImage({ data: f.figure.data, layout: layout },
                  { format: "png", width: layout.width || {{width}}, height: layout.height || {{height}}, scale: 1 })
                  .then(function (url) { return [f.id, url]; });
              })).then(function (pairs) {
                var images = {};
                pairs.forEach(function (p) { images[p[0]] = p[1]; });
                out.textContent = JSON.stringify(images);
              }, function (e) { out.textContent = "error: " + e; });
            })();
            </script></body></html>
            """;
    }

    private static async Task<string> RunChromium(string chromium, string page, string profile, CancellationToken ct)
    {
        // The flags a closed network needs (no background connections), and a fresh profile per call.
        var start = new ProcessStartInfo(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--hide-scrollbars",
            "--force-device-scale-factor=1", $"--user-data-dir={profile}", "--virtual-time-budget=120000", "--dump-dom",
            new Uri(page).AbsoluteUri,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ChartImageException($"{chromium} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ChartImageException($"{chromium} could not be started: {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new ChartImageException($"{chromium} did not draw the charts within {Timeout.TotalMinutes:0} minutes.");
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var dom = await output;
            if (process.ExitCode != 0)
                throw new ChartImageException($"{chromium} exited with code {process.ExitCode}: {LastLine(await errors)}");
            return dom;
        }
    }

    private static Dictionary<string, byte[]> Parse(string dom, IEnumerable<string> ids)
    {
        var match = Result().Match(dom);
        var text = match.Success ? WebUtility.HtmlDecode(match.Groups["json"].Value) : "no result in the page";
        if (!text.StartsWith('{'))
            throw new ChartImageException($"Chromium did not draw the charts: {text}");
        var urls = JsonSerializer.Deserialize<Dictionary<string, string>>(text)!;
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!urls.TryGetValue(id, out var url) || !url.StartsWith("data:image/png;base64,", StringComparison.Ordinal))
                throw new ChartImageException($"Chromium drew no image for chart {id}.");
            images[id] = Compact(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        }

        return images;
    }

    /// <summary>
    /// Chromium's PNG (RGBA, light compression) as an 8-bit palette PNG at the best compression: a chart's flat
    /// colours and anti-aliased edges fit 256 colours without visible change, and the file is about a third the size.
    /// No dithering: it would sprinkle noise over flat areas, which compresses worse and looks worse.
    /// </summary>
    internal static byte[] Compact(byte[] png)
    {
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(png);
        using var output = new MemoryStream();
        image.Save(output, new SixLabors.ImageSharp.Formats.Png.PngEncoder
        {
            ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Palette,
            BitDepth = SixLabors.ImageSharp.Formats.Png.PngBitDepth.Bit8,
            CompressionLevel = SixLabors.ImageSharp.Formats.Png.PngCompressionLevel.BestCompression,
            Quantizer = new SixLabors.ImageSharp.Processing.Processors.Quantization.WuQuantizer(
                new SixLabors.ImageSharp.Processing.Processors.Quantization.QuantizerOptions { Dither = null, MaxColors = 256 }),
            // No gamma, time or text chunks: the same chart gives the same bytes.
            ChunkFilter = SixLabors.ImageSharp.Formats.Png.PngChunkFilter.ExcludeAll,
        });
        return output.ToArray();
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no message)";
}
