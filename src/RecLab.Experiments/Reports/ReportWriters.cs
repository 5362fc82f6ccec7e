using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>The outputs every complete run, merge and <c>reclab report</c> writes.</summary>
public static class ReportWriters
{
    /// <summary>
    /// results.csv, comparisons.csv, summary.md (these three are identical however the cells were run), timings.md and
    /// report.html (charts; it shows the manifest, so write manifest.json first).
    /// </summary>
    public static IReadOnlyList<IReportWriter> Default { get; } =
        [new ResultsCsvWriter(), new ComparisonsCsvWriter(), new SummaryWriter(), new TimingsWriter(), new HtmlReportWriter()];

    /// <summary>Rewrites the reports of a results folder from its saved configuration and cells (<c>reclab report DIR</c>).</summary>
    public static ExperimentResults Rewrite(string folder, Recommenders.RecommenderRegistry? registry = null, IEnumerable<IReportWriter>? extra = null)
    {
        var plan = ExperimentResults.ReadPlan(folder, registry);
        using var folderLock = ResultsFolderLock.Exclusive(folder, $"reclab report {plan.Config.Name}");
        var results = ExperimentResults.Load(plan, new CellStore(folder));
        WriteAll(results, extra);
        return results;
    }

    /// <summary>Writes <see cref="Default"/> and then <paramref name="extra"/> writers (e.g. an HTML report).</summary>
    public static void WriteAll(ExperimentResults results, IEnumerable<IReportWriter>? extra = null)
    {
        foreach (var writer in Default.Concat(extra ?? []))
            writer.Write(results);
    }
}
