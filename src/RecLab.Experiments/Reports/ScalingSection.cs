using System.Globalization;
using RecLab.Charts.Plots;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// The <c>scaling</c> chart: for an experiment that runs the same algorithms on datasets of several sizes, fit time
/// and the process's peak memory against the interactions each model was fitted on (log-log), one line per
/// algorithm, so how cost grows is one look (see experiments/scaling.yaml).
/// </summary>
public sealed class ScalingSection : IReportSection
{
    /// <summary>The chart's name in <c>report.charts</c>.</summary>
    public const string Scaling = "scaling";

    /// <inheritdoc/>
    public IReadOnlyList<string> Charts => [Scaling];

    /// <inheritdoc/>
    public void Render(ReportContext context)
    {
        if (!context.Wants(Scaling))
            return;
        var points = context.Results.Records.Values
            .Where(r => r.Status == CellRecord.Succeeded && r.TrainInteractions is > 0)
            .GroupBy(r => (Configuration: string.IsNullOrEmpty(r.Parameters) ? r.Algorithm : $"{r.Algorithm} {r.Parameters}", r.Dataset))
            .Select(g => (g.Key.Configuration, Size: g.Average(r => (double)r.TrainInteractions!.Value), Seconds: g.Average(r => r.FitSeconds),
                Megabytes: g.Max(r => r.PeakWorkingSetBytes) / 1048576.0))
            .ToList();
        var order = context.Results.Plan.Configurations.ToList();
        var curves = points.GroupBy(p => p.Configuration, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g => g.OrderBy(p => p.Size).ToList())
            .ToList();
        if (curves.Count == 0)
        {
            context.Skip(Scaling, "no algorithm was fitted on two or more datasets with a recorded training size (cells written before train_interactions was saved need --fresh)");
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        context.Page.AddHeading("Cost against data size");
        context.Page.AddChart(StandardPlots.CostBySize("Fit time against training interactions", "training interactions (log scale)", "fit seconds (log scale)",
            curves.Select(c => new CostCurve(c[0].Configuration, [.. c.Select(p => p.Size)], [.. c.Select(p => p.Seconds)]))));
        var slopes = curves.Select(c => $"{c[0].Configuration} {Slope(c.Select(p => (p.Size, p.Seconds))).ToString("0.00", inv)}");
        context.Page.AddParagraph("Mean fit seconds per cell. The slope of log time against log size (1 = linear): " + string.Join(", ", slopes) + ".");
        context.Page.AddChart(StandardPlots.CostBySize("Peak memory against training interactions", "training interactions (log scale)", "peak working set (MB, log scale)",
            curves.Select(c => new CostCurve(c[0].Configuration, [.. c.Select(p => p.Size)], [.. c.Select(p => p.Megabytes)]))));
        context.Page.AddParagraph("The whole process's peak working set when the cell finished: dataset generation and loading included, and shared with cells running in parallel (run with --jobs 1 to attribute it).");
    }

    /// <summary>Least-squares slope of log cost on log size.</summary>
    private static double Slope(IEnumerable<(double Size, double Cost)> points)
    {
        var p = points.Where(x => x.Size > 0 && x.Cost > 0).Select(x => (X: Math.Log(x.Size), Y: Math.Log(x.Cost))).ToList();
        if (p.Count < 2)
            return double.NaN;
        double mx = p.Average(x => x.X), my = p.Average(x => x.Y);
        var sxx = p.Sum(x => (x.X - mx) * (x.X - mx));
        return sxx > 0 ? p.Sum(x => (x.X - mx) * (x.Y - my)) / sxx : double.NaN;
    }
}
