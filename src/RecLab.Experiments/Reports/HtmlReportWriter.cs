using System.Text;
using RecLab.Charts.Html;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// Writes <c>report.html</c> (atomically) next to <c>summary.md</c>: a self-contained page with inline CSS and
/// plotly.js loaded once, inlined from a local copy when one is found so the page works offline.
/// </summary>
/// <param name="plotly">Where plotly.js comes from; default <see cref="PlotlyScript.Locate()"/> at write time.</param>
/// <param name="sections">The sections; default <see cref="HtmlReport.DefaultSections"/>.</param>
public sealed class HtmlReportWriter(PlotlyScript? plotly = null, IReadOnlyList<IReportSection>? sections = null) : IReportWriter
{
    /// <inheritdoc/>
    public string FileName => HtmlReport.FileName;

    /// <inheritdoc/>
    public void Write(ExperimentResults results)
    {
        var page = HtmlReport.Build(results, sections);
        var script = plotly ?? PlotlyScript.Locate();
        AtomicFile.Write(Path.Combine(results.Folder, FileName), stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            page.WriteTo(writer, script);
        });
    }
}
