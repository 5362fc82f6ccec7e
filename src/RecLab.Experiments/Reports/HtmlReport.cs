using RecLab.Charts.Html;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// Builds <c>report.html</c> from an experiment's saved results: its sections in order (by default the manifest,
/// one part per dataset and split with tables and the charts of <c>report.charts</c>, then failures), and finally
/// the requested charts that were not drawn, with the reason. The page holds no clock reading but the manifest's,
/// so the same results folder always gives the same page.
/// </summary>
public static class HtmlReport
{
    /// <summary>The report's file name in the results folder.</summary>
    public const string FileName = "report.html";

    /// <summary>The manifest, the results of every dataset and split, the simulated A/B tests, and the failed cells.</summary>
    public static IReadOnlyList<IReportSection> DefaultSections { get; } = [new ManifestSection(), new ScalingSection(), new ResultsSection(), new AbSection(), new FailuresSection()];

    /// <summary>The report page of <paramref name="results"/>, rendered by <paramref name="sections"/> (default <see cref="DefaultSections"/>).</summary>
    public static HtmlPage Build(ExperimentResults results, IEnumerable<IReportSection>? sections = null)
    {
        var list = (sections ?? DefaultSections).ToList();
        var manifest = Manifest.TryRead(Path.Combine(results.Folder, Manifest.FileName(Cells.ShardSpec.All)));
        var page = new HtmlPage(results.Plan.Config.Name + " · RecLab experiment report");
        var context = new ReportContext(results, manifest, page);
        foreach (var section in list)
            section.Render(context);

        var claimed = list.SelectMany(s => s.Charts).ToHashSet(StringComparer.Ordinal);
        foreach (var chart in results.Plan.Config.Report.Charts.Where(c => !claimed.Contains(c)))
            context.Skip(chart, Unclaimed(chart));
        if (context.NotDrawn.Count > 0)
        {
            page.AddHeading("Charts not drawn");
            page.AddTable(new HtmlTable
            {
                Columns = ["chart", "why"],
                Rows = context.NotDrawn.Select(n => (IReadOnlyList<TableCell>)[n.Chart, n.Reason]).ToList(),
            });
        }
        return page;
    }

    private static string Unclaimed(string chart) => chart switch
    {
        "popularity" => "the cells save neither the dataset's interactions per item nor how often each item was recommended, " +
            "so the long tail and exposure concentration cannot be drawn from saved results",
        "ab-uplift" or "ab-daily" or "ab-regret" => "no A/B section is registered (the default sections include one)",
        _ => "no report section draws this chart",
    };
}
