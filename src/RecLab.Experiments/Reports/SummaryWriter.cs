using System.Globalization;
using System.Text;
using RecLab.Evaluation;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// <c>summary.md</c>: one table per (dataset, split), algorithms by metrics aggregated over folds and repeats, the
/// best value of each metric in bold, significance marks against the baseline, then failed and missing cells.
/// It holds no timings (they are in <c>timings.md</c>), so the same cells always give the same bytes.
/// </summary>
public sealed class SummaryWriter : IReportWriter
{
    /// <summary>Mark of a configuration significantly better than the baseline.</summary>
    public const string Better = "▲";

    /// <summary>Mark of a configuration significantly worse than the baseline.</summary>
    public const string Worse = "▼";

    /// <inheritdoc/>
    public string FileName => "summary.md";

    /// <inheritdoc/>
    public void Write(ExperimentResults results) =>
        AtomicFile.WriteAllText(Path.Combine(results.Folder, FileName), Render(results));

    /// <summary>The Markdown text.</summary>
    public static string Render(ExperimentResults results)
    {
        var plan = results.Plan;
        var config = plan.Config;
        var e = config.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"# {config.Name}\n\n");
        var folds = string.Join(", ", plan.Cells.Select(c => $"{c.Split}: {Count(c.FoldCount, "fold")}").Distinct());
        md.Append(inv, $"{Count(plan.Cells.Count, "cell")}: {Count(config.Datasets.Count, "dataset")} × {Count(config.Splits.Count, "split")} ({folds}) × ")
          .Append(inv, $"{Count(plan.RepeatSeeds.Count, "repeat")} × {Count(plan.Configurations.Count, "algorithm configuration")}. ")
          .Append(inv, $"Seed {config.Seed}; configuration hash `{plan.ConfigHash[..16]}`.\n\n");
        md.Append("Values are means over test users pooled across folds and repeats (RMSE, MAE, coverage and Gini: the mean of the fold values); ")
          .Append("the best value of each metric is in **bold**. ");
        if (plan.Baseline is { } baseline)
            md.Append(inv, $"{Better}/{Worse}: significantly better/worse than the baseline `{baseline}` (paired t-test over (fold, user) pairs, ")
              .Append(inv, $"Holm-adjusted within each metric, α = {e.Alpha}; Wilcoxon tests and intervals of the differences in comparisons.csv). ");
        md.Append(inv, $"Per-cell values with {e.ConfidenceLevel * 100:0.#}% bootstrap intervals are in results.csv; fit and evaluation times in timings.md.\n\n");

        var metricNames = plan.Metrics.Select(m => m.Name).ToList();
        foreach (var table in results.Tables)
        {
            md.Append(inv, $"## {table.Dataset} · {table.Split}\n\n");
            var best = metricNames.ToDictionary(m => m, m => Best(table, m));
            var rows = table.Rows.Select(row =>
            {
                var cells = new List<string> { row.Configuration + (row.Configuration == plan.Baseline ? " (baseline)" : "") +
                    (row.Succeeded < row.Cells ? $" ({row.Succeeded}/{row.Cells} cells)" : "") };
                foreach (var name in metricNames)
                {
                    var metric = row.Metrics.FirstOrDefault(m => m.Name == name);
                    if (metric is null || double.IsNaN(metric.Value))
                    {
                        cells.Add(row.Succeeded == 0 ? "failed" : "n/a");
                        continue;
                    }
                    var text = metric.Value.ToString("0.0000", inv);
                    if (best[name] is { } b && metric.Value == b)
                        text = $"**{text}**";
                    cells.Add(text + Mark(table, row.Configuration, metric, plan.Baseline, e.Alpha));
                }
                return (IReadOnlyList<string>)cells;
            });
            MarkdownTable.Write(md, ["algorithm", .. metricNames], rows);
            var notes = table.Rows.SelectMany(r => r.Metrics).Where(m => m.Note is not null).Select(m => $"{m.Name}: {m.Note}").Distinct().ToList();
            foreach (var note in notes)
                md.Append(inv, $"- {note}\n");
            if (notes.Count > 0)
                md.Append('\n');
        }

        Curves(md, results, metricNames);
        Buckets(md, results, metricNames);

        // Each finished A/B test left its section next to its CSV files, under a marker naming the configuration it ran.
        foreach (var test in plan.AbTests)
        {
            var folder = AbTestOutputs.FolderOf(results.Folder, test.Name);
            var stored = AbTestOutputs.StoredId(results.Folder, test.Name);
            if (stored == test.Id)
            {
                md.Append(File.ReadAllText(Path.Combine(folder, AbResultFiles.Section)));
                AbOfflineOnline.Append(md, results, test.Test, Path.Combine(folder, AbResultFiles.Summary));
            }
            else if (stored is not null)
                md.Append(inv, $"## A/B test · {test.Name}\n\n**{AbTestOutputs.StaleNote(test, stored)}**\n\n");
            else
                md.Append(inv, $"## A/B test · {test.Name}\n\nNot run yet (or it failed): run the experiment again.\n\n");
        }

        var failed = results.Failed;
        if (failed.Count > 0)
        {
            md.Append(inv, $"## Failed cells ({failed.Count})\n\n");
            MarkdownTable.Write(md, ["cell", "dataset", "split", "fold", "repeat", "algorithm", "error"],
                failed.Select(f => (IReadOnlyList<string>)[f.Cell.Id, f.Cell.Dataset, f.Cell.Split, (f.Cell.Fold + 1).ToString(inv),
                    (f.Cell.Repeat + 1).ToString(inv), f.Cell.Configuration, f.Record.Error ?? ""]));
        }
        var missing = results.Missing;
        if (missing.Count > 0)
            md.Append(inv, $"## Missing cells ({missing.Count})\n\n{missing.Count} of {plan.Cells.Count} cells have no result yet (not run, interrupted, or in a shard not merged): " +
                $"run the experiment again to complete it.\n");
        return md.ToString();
    }

    /// <summary>The cold-start curves: per (dataset, split) with onboarding sizes and metric, configurations by sizes.</summary>
    private static void Curves(StringBuilder md, ExperimentResults results, IReadOnlyList<string> metricNames)
    {
        var inv = CultureInfo.InvariantCulture;
        var plan = results.Plan;
        foreach (var curve in results.Tables.Where(t => t.Onboarding is not null).GroupBy(t => (t.Dataset, t.BaseSplit)))
        {
            var tables = curve.ToList();
            foreach (var name in metricNames)
            {
                if (!tables.Any(t => t.Rows.Any(r => r.Metrics.Any(m => m.Name == name && m.IsUserMean))))
                    continue;
                md.Append(inv, $"## Cold-start curve: {name} · {curve.Key.Dataset} · {curve.Key.BaseSplit}\n\n");
                // An algorithm restricted to other datasets has no row here rather than a line of n/a.
                var rows = plan.Configurations.Where(c => tables.Any(t => t.Rows.Any(r => r.Configuration == c))).Select(configuration =>
                {
                    var cells = new List<string> { configuration + (configuration == plan.Baseline ? " (baseline)" : "") };
                    foreach (var table in tables)
                    {
                        var metric = table.Rows.FirstOrDefault(r => r.Configuration == configuration)?.Metrics.FirstOrDefault(m => m.Name == name);
                        cells.Add(metric is null || double.IsNaN(metric.Value) ? "n/a"
                            : metric.Value.ToString("0.0000", inv) + Mark(table, configuration, metric, plan.Baseline, plan.Config.Evaluation.Alpha));
                    }
                    return (IReadOnlyList<string>)cells;
                });
                MarkdownTable.Write(md, ["algorithm", .. tables.Select(t => $"onboarding {t.Onboarding!.Value.ToString(inv)}")], rows);
            }
        }
    }

    /// <summary>Per-user metrics by user activity bucket: per (dataset, split) with more than one bucket and metric.</summary>
    private static void Buckets(StringBuilder md, ExperimentResults results, IReadOnlyList<string> metricNames)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var table in results.Tables)
        {
            var labels = table.Rows.SelectMany(r => r.Buckets).OrderBy(b => b.Min).Select(b => b.Label).Distinct().ToList();
            if (labels.Count < 2)
                continue;
            var users = labels.Select(l => table.Rows.SelectMany(r => r.Buckets).First(b => b.Label == l).Users).ToList();
            foreach (var name in metricNames)
            {
                if (!table.Rows.Any(r => r.Buckets.Any(b => b.Metrics.Any(m => m.Name == name))))
                    continue;
                md.Append(inv, $"## By user activity: {name} · {table.Dataset} · {table.Split}\n\n");
                var rows = table.Rows.Select(row => (IReadOnlyList<string>)[row.Configuration, .. labels.Select(l =>
                {
                    var metric = row.Buckets.FirstOrDefault(b => b.Label == l)?.Metrics.FirstOrDefault(m => m.Name == name);
                    return metric is null || double.IsNaN(metric.Mean) ? "n/a" : metric.Mean.ToString("0.0000", inv);
                })]);
                MarkdownTable.Write(md, ["algorithm", .. labels.Select((l, k) => $"{l} ({users[k].ToString(inv)} users)")], rows);
            }
        }
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    internal static double? Best(ResultTable table, string metric)
    {
        var values = table.Rows.Select(r => r.Metrics.FirstOrDefault(m => m.Name == metric)).Where(m => m is not null && !double.IsNaN(m.Value)).ToList();
        if (values.Count < 2)
            return null;
        return values[0]!.HigherIsBetter ? values.Max(m => m!.Value) : values.Min(m => m!.Value);
    }

    internal static string Mark(ResultTable table, string configuration, MetricResult metric, string? baseline, double alpha)
    {
        var c = table.Comparisons.FirstOrDefault(x => x.Metric == metric.Name && x.A == configuration && x.B == baseline);
        if (c is null || double.IsNaN(c.TTest.AdjustedPValue) || c.TTest.AdjustedPValue >= alpha || c.MeanDifference == 0)
            return "";
        return (c.MeanDifference > 0) == metric.HigherIsBetter ? " " + Better : " " + Worse;
    }
}
