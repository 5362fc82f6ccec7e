namespace RecLab.Charts.Html;

/// <summary>
/// Where a page gets plotly.js: inlined from a local <c>plotly.min.js</c> (the page then works offline) or a
/// <c>&lt;script src&gt;</c> to the official CDN for the pinned version.
/// </summary>
public sealed class PlotlyScript
{
    /// <summary>The plotly.js version pinned in <c>web/package.json</c>.</summary>
    public const string Version = "4.1.2";

    /// <summary>The official CDN address of <see cref="Version"/>.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>The environment variable naming a local <c>plotly.min.js</c> to inline.</summary>
    public const string EnvironmentVariable = "RECLAB_PLOTLY_JS";

    /// <summary>Where <c>npm ci</c> in <c>web/</c> puts plotly.js, relative to the repository root.</summary>
    public static readonly string PackageFile = Path.Combine("web", "node_modules", "plotly.js-dist-min", "plotly.min.js");

    private PlotlyScript(string? filePath) => FilePath = filePath;

    /// <summary>The local file to inline, or null for the CDN.</summary>
    public string? FilePath { get; }

    /// <summary>Whether the page embeds plotly.js (and so works offline).</summary>
    public bool IsInline => FilePath is not null;

    /// <summary>A <c>&lt;script src&gt;</c> to <see cref="CdnUrl"/>.</summary>
    public static PlotlyScript Cdn { get; } = new(null);

    /// <summary>Inlines the given <c>plotly.min.js</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PlotlyScript FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"plotly.js not found at {full}.", full);
        return new PlotlyScript(full);
    }

    /// <summary>
    /// In order: the file named by <c>RECLAB_PLOTLY_JS</c>; <see cref="PackageFile"/> in the current directory or
    /// any folder above it, then in <see cref="AppContext.BaseDirectory"/> or above; else <see cref="Cdn"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException"><c>RECLAB_PLOTLY_JS</c> is set but names no file.</exception>
    public static PlotlyScript Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    internal static PlotlyScript Locate(string? environmentPath, IEnumerable<string> startDirectories)
    {
        if (!string.IsNullOrWhiteSpace(environmentPath))
        {
            // A set variable that names nothing is a mistake to report, not a reason to fall back quietly.
            if (!File.Exists(environmentPath))
                throw new FileNotFoundException($"{EnvironmentVariable} is set to '{environmentPath}', which is not a file.", environmentPath);
            return FromFile(environmentPath);
        }

        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, PackageFile);
                if (File.Exists(candidate))
                    return new PlotlyScript(candidate);
            }
        }

        return Cdn;
    }

    /// <summary>Where plotly.js comes from, for logs: the file path or the CDN address.</summary>
    public override string ToString() => FilePath ?? CdnUrl;

    internal void WriteTag(TextWriter writer)
    {
        if (FilePath is null)
        {
            writer.Write("<script src=\"");
            writer.Write(CdnUrl);
            writer.WriteLine("\" charset=\"utf-8\"></script>");
            return;
        }

        writer.WriteLine("<script charset=\"utf-8\">");
        // "</script" inside the source would end the element early; "<\/script" means the same to JavaScript.
        writer.WriteLine(File.ReadAllText(FilePath).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
        writer.WriteLine("</script>");
    }
}
