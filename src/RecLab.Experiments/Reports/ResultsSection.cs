using System.Globalization;
using RecLab.Charts.Html;
using RecLab.Evaluation;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// One part per (dataset, split): the table of summary.md (best value in bold, significance marks against the
/// baseline, intervals and p-values on hover), then the requested charts that the saved results support.
/// </summary>
public sealed class ResultsSection : IReportSection
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Charts => ReportCharts.Names;

    /// <inheritdoc/>
    public void Render(ReportContext context)
    {
        var results = context.Results;
        var plan = results.Plan;
        var e = plan.Config.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        var intro = "Values are means over test users pooled across folds and repeats (RMSE, MAE, coverage and Gini: the mean of the fold values); " +
            "the best value of each metric is in bold. Hover a value for its " + (e.ConfidenceLevel * 100).ToString("0.#", inv) + "% bootstrap interval.";
        if (plan.Baseline is { } baseline)
            intro += $" {SummaryWriter.Better}/{SummaryWriter.Worse}: significantly better/worse than the baseline {baseline} " +
                $"(paired t-test over (fold, user) pairs, Holm-adjusted within each metric, α = {e.Alpha.ToString(inv)}).";
        context.Page.AddParagraph(intro);

        var charts = new ReportCharts(context);
        foreach (var table in results.Tables)
        {
            context.Page.AddHeading($"{table.Dataset} · {table.Split}");
            context.Page.AddTable(Table(results, table));
            foreach (var note in table.Rows.SelectMany(r => r.Metrics).Where(m => m.Note is not null).Select(m => $"{m.Name}: {m.Note}").Distinct())
                context.Page.AddParagraph(note);
            foreach (var (chart, caption) in charts.For(table))
            {
                context.Page.AddChart(chart);
                context.Page.AddParagraph(caption);
            }
        }
    }

    /// <summary>The table of summary.md as HTML, with the mean fit time per cell as a last column.</summary>
    internal static HtmlTable Table(ExperimentResults results, ResultTable table)
    {
        var plan = results.Plan;
        var e = plan.Config.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        var names = plan.Metrics.Select(m => m.Name).ToList();
        var best = names.ToDictionary(m => m, m => SummaryWriter.Best(table, m), StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<TableCell>>();
        foreach (var row in table.Rows)
        {
            var cells = new List<TableCell>
            {
                row.Configuration + (row.Configuration == plan.Baseline ? " (baseline)" : "") +
                    (row.Succeeded < row.Cells ? $" ({row.Succeeded}/{row.Cells} cells)" : ""),
            };
            foreach (var name in names)
            {
                var metric = row.Metrics.FirstOrDefault(m => m.Name == name);
                if (metric is null || double.IsNaN(metric.Value))
                {
                    cells.Add(new TableCell { Text = row.Succeeded == 0 ? "failed" : "n/a", Numeric = true });
                    continue;
                }
                var mark = SummaryWriter.Mark(table, row.Configuration, metric, plan.Baseline, e.Alpha);
                cells.Add(new TableCell
                {
                    Text = metric.Value.ToString("0.0000", inv) + mark,
                    Numeric = true,
                    Strong = best[name] is { } b && metric.Value == b,
                    Tooltip = Tooltip(table, row.Configuration, metric, plan.Baseline),
                });
            }
            cells.Add(TableCell.Number(row.FitSeconds, "0.000"));
            rows.Add(cells);
        }
        return new HtmlTable { Columns = ["algorithm", .. names, "fit s"], Rows = rows };
    }

    private static string? Tooltip(ResultTable table, string configuration, MetricResult metric, string? baseline)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (metric.CiLow is { } low && metric.CiHigh is { } high && double.IsFinite(low) && double.IsFinite(high))
            parts.Add($"interval [{low.ToString("0.0000", inv)}, {high.ToString("0.0000", inv)}]");
        var c = table.Comparisons.FirstOrDefault(x => x.Metric == metric.Name && x.A == configuration && x.B == baseline);
        if (c is not null && !double.IsNaN(c.TTest.AdjustedPValue))
            parts.Add($"vs {baseline}: difference {c.MeanDifference.ToString("0.0000", inv)}, Holm-adjusted p = {c.TTest.AdjustedPValue.ToString("0.####", inv)}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
