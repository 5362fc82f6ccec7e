using RecLab.Charts.Html;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>What report sections render from and into: the results, their manifest, the page, and the charts asked for.</summary>
public sealed class ReportContext
{
    private readonly List<(string Chart, string Reason)> _notDrawn = [];

    /// <summary>A context for one report page.</summary>
    public ReportContext(ExperimentResults results, Manifest? manifest, HtmlPage page)
    {
        Results = results;
        Manifest = manifest;
        Page = page;
    }

    /// <summary>The experiment's results.</summary>
    public ExperimentResults Results { get; }

    /// <summary>The run's <c>manifest.json</c>, or null when the folder has none.</summary>
    public Manifest? Manifest { get; }

    /// <summary>The page sections append to.</summary>
    public HtmlPage Page { get; }

    /// <summary>Requested charts that could not be drawn, with why, in the order reported.</summary>
    public IReadOnlyList<(string Chart, string Reason)> NotDrawn => _notDrawn;

    /// <summary>Whether <c>report.charts</c> asks for <paramref name="chart"/>.</summary>
    public bool Wants(string chart) => Results.Plan.Config.Report.Charts.Contains(chart, StringComparer.Ordinal);

    /// <summary>Records that a requested chart was left out and why (listed once at the end of the report).</summary>
    public void Skip(string chart, string reason)
    {
        if (!_notDrawn.Any(n => n.Chart == chart))
            _notDrawn.Add((chart, reason));
    }
}
