using System.Globalization;
using CsvHelper;
using RecLab.Charts.Html;
using RecLab.Charts.Plots;
using RecLab.Experiments.Results;
using RecLab.Experiments.Schema;

namespace RecLab.Experiments.Reports;

/// <summary>
/// One part per A/B test of the experiment whose results exist in <c>ab/TEST/</c>, read from the simulator's CSV
/// files (never re-simulated): the table of summary.md, the uplift of every metric with its CI (<c>ab-uplift</c>),
/// and per metric its daily value per arm with CI bands plus the p-values day by day (<c>ab-daily</c>).
/// </summary>
public sealed class AbSection : IReportSection
{
    /// <summary>The per-day chart: each metric per arm and day with CI bands, and the daily p-values.</summary>
    public const string Daily = "ab-daily";

    /// <summary>The uplift chart: every metric's relative uplift over control with its CI.</summary>
    public const string Uplift = "ab-uplift";

    /// <summary>The regret chart: every arm's cumulative clicks per user lost against the <c>oracle</c> arm, day by day.</summary>
    public const string Regret = "ab-regret";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <inheritdoc/>
    public IReadOnlyList<string> Charts => [Daily, Uplift, Regret];

    /// <inheritdoc/>
    public void Render(ReportContext context)
    {
        var config = context.Results.Plan.Config;
        var alpha = config.Evaluation.Alpha;
        var drawn = false;
        foreach (var unit in context.Results.Plan.AbTests)
        {
            var test = unit.Test;
            var folder = AbTestOutputs.FolderOf(context.Results.Folder, test.Name);
            var summaryPath = Path.Combine(folder, AbResultFiles.Summary);
            context.Page.AddHeading("A/B test · " + test.Name);
            // Only outputs whose marker names this configuration: never another run's numbers under this heading.
            var stored = AbTestOutputs.StoredId(context.Results.Folder, test.Name);
            if (stored != unit.Id)
            {
                context.Page.AddParagraph(stored is null ? "Not run yet (or it failed): run the experiment again." : AbTestOutputs.StaleNote(unit, stored));
                continue;
            }
            drawn = true;
            var summary = ReadSummary(summaryPath);
            var level = ((1 - alpha) * 100).ToString("0.#", Inv) + "%";
            context.Page.AddParagraph(Intro(test, summary, level));
            context.Page.AddTable(Table(summary, alpha, level));

            if (context.Wants(Uplift))
            {
                var arms = summary.Where(r => r.Comparison).Select(r => r.Arm).Distinct().Count();
                // Fieller's interval is unbounded when control is not clear of zero (a few purchases): such a bar has no ends to draw.
                var estimates = summary.Where(r => r.Comparison && double.IsFinite(r.Uplift) && double.IsFinite(r.UpliftLow) && double.IsFinite(r.UpliftHigh))
                    .Select(r => new UpliftEstimate(arms > 1 ? r.Metric + " · " + r.Arm : r.Metric, r.Uplift, r.UpliftLow, r.UpliftHigh)).ToList();
                if (estimates.Count > 0)
                {
                    context.Page.AddChart(StandardPlots.Uplift("each metric", estimates));
                    context.Page.AddParagraph($"Relative uplift of each arm over control (treatment/control − 1) at the end of the test with its {level} CI; " +
                        "an interval clear of the bold zero line is a significant difference (before Holm's adjustment).");
                }
            }
            var dailyPath = Path.Combine(folder, AbResultFiles.Daily);
            if (context.Wants(Daily) && File.Exists(dailyPath))
            {
                var daily = ReadDaily(dailyPath);
                foreach (var metric in daily.Select(r => r.Metric).Distinct())
                {
                    var rows = daily.Where(r => r.Metric == metric).ToList();
                    var series = rows.Select(r => r.Arm).Distinct().Select(arm =>
                    {
                        var mine = rows.Where(r => r.Arm == arm).OrderBy(r => r.Day).ToList();
                        return new ArmDailySeries(arm, mine.Select(r => r.Day).ToList(), mine.Select(r => r.Value).ToList(),
                            mine.Select(r => r.Low).ToList(), mine.Select(r => r.High).ToList());
                    });
                    context.Page.AddChart(StandardPlots.AbDaily(metric, series));
                }
                context.Page.AddParagraph($"Each metric over the users seen up to that day, per arm, with its {level} CI band.");
                var pValues = daily.Where(r => double.IsFinite(r.PValue) || double.IsFinite(r.AlwaysValidP))
                    .GroupBy(r => (r.Metric, r.Arm)).Select(g =>
                    {
                        var mine = g.OrderBy(r => r.Day).ToList();
                        var arms = daily.Where(r => double.IsFinite(r.PValue)).Select(r => r.Arm).Distinct().Count();
                        return new DailyPValues(arms > 1 ? g.Key.Metric + " · " + g.Key.Arm : g.Key.Metric, mine.Select(r => r.Day).ToList(),
                            mine.Select(r => r.PValue).ToList(), mine.Select(r => r.AlwaysValidP).ToList());
                    }).ToList();
                if (pValues.Count > 0)
                {
                    context.Page.AddChart(StandardPlots.AbPValues(pValues, alpha));
                    context.Page.AddParagraph("P-value of each comparison on the data up to each day. Stopping the first day the solid (naive) line " +
                        "dips under α inflates false positives; the dashed always-valid (mSPRT) p may be checked every day.");
                }
            }
            else if (context.Wants(Daily))
                context.Skip(Daily, $"ab/{test.Name}/{AbResultFiles.Daily} is missing");
            var regretPath = Path.Combine(folder, AbResultFiles.Regret);
            if (context.Wants(Regret) && File.Exists(regretPath))
            {
                // The daily-series plot with a zero-width band: one line per arm, no new figure type for the Plotly.NET port to carry.
                var rows = ReadRegret(regretPath);
                var series = rows.Select(r => r.Arm).Distinct().Select(arm =>
                {
                    var mine = rows.Where(r => r.Arm == arm).OrderBy(r => r.Day).ToList();
                    var values = mine.Select(r => r.Regret).ToList();
                    return new ArmDailySeries(arm, mine.Select(r => r.Day).ToList(), values, values, values);
                });
                context.Page.AddChart(StandardPlots.AbDaily("cumulative regret against oracle (clicks per user)", series));
                context.Page.AddParagraph("Clicks per user each arm lost against the arm served by the world's ground truth (oracle), summed over the days so far: " +
                    "a learner's curve flattens as it learns; a flat-rate gap grows linearly.");
            }
            else if (context.Wants(Regret))
                context.Skip(Regret, $"ab/{test.Name} has no oracle arm (no {AbResultFiles.Regret})");
        }
        if (!drawn)
        {
            var reason = config.AbTests.Count == 0 ? "the experiment has no ab_tests" : "no A/B test has results yet";
            foreach (var chart in Charts.Where(context.Wants))
                context.Skip(chart, reason);
        }
    }

    private static string Intro(AbTestConfig test, List<SummaryRow> summary, string level)
    {
        var control = summary.FirstOrDefault(r => !r.Comparison)?.Arm ?? test.Arms[0].Algorithm;
        var users = summary.GroupBy(r => r.Arm).Select(g => $"{g.Key} ({g.Max(r => r.Users).ToString(Inv)} users)");
        var text = $"World synthetic:{test.World}, {test.Days.ToString(Inv)} days" +
            (test.PreDays > 0 ? $" after a {test.PreDays.ToString(Inv)}-day pre-period (the CUPED covariate)" : "") +
            $". Arms: {string.Join(", ", users)}; control {control}. ";
        var srm = summary.Select(r => r.SrmP).FirstOrDefault(double.IsFinite, double.NaN);
        if (double.IsFinite(srm))
            text += $"Sample-ratio check: p = {AbMarkdown.P(srm)}{(srm < 0.001 ? " (mismatch: do not trust this test)" : " (no mismatch)")}. ";
        return text + $"Users are the unit: per-user metrics by Welch's t-test, ratios by the delta method; uplift with its {level} CI; " +
            "* marks a Holm-adjusted p under α. Hover a value for its interval and the bootstrap interval of the difference.";
    }

    /// <summary>The A/B table of summary.md, from summary.csv.</summary>
    private static HtmlTable Table(List<SummaryRow> summary, double alpha, string level) => new()
    {
        Columns = ["metric", "arm", $"value [{level} CI]", "uplift [CI]", "p (Holm)", "CUPED uplift [CI]", "CUPED p", "variance cut", "always-valid p"],
        Rows = summary.Select(r => (IReadOnlyList<TableCell>)
        [
            r.Metric,
            r.Arm,
            new TableCell { Text = $"{AbMarkdown.Value(r.Value)} [{AbMarkdown.Value(r.Low)}, {AbMarkdown.Value(r.High)}]", Numeric = true },
            r.Comparison
                ? new TableCell
                {
                    Text = $"{AbMarkdown.Percent(r.Uplift)} [{AbMarkdown.Percent(r.UpliftLow)}, {AbMarkdown.Percent(r.UpliftHigh)}]",
                    Numeric = true,
                    Strong = r.PHolm < alpha,
                    Tooltip = double.IsFinite(r.Difference)
                        ? $"difference {AbMarkdown.Value(r.Difference)} [{AbMarkdown.Value(r.DifferenceLow)}, {AbMarkdown.Value(r.DifferenceHigh)}], bootstrap [{AbMarkdown.Value(r.BootstrapLow)}, {AbMarkdown.Value(r.BootstrapHigh)}]"
                        : null,
                }
                : "control",
            Number(r.Comparison ? AbMarkdown.P(r.PHolm) + (r.PHolm < alpha ? " *" : "") : ""),
            Number(r.Comparison && double.IsFinite(r.CupedUplift) ? $"{AbMarkdown.Percent(r.CupedUplift)} [{AbMarkdown.Percent(r.CupedLow)}, {AbMarkdown.Percent(r.CupedHigh)}]" : ""),
            Number(r.Comparison && double.IsFinite(r.CupedUplift) ? AbMarkdown.P(r.CupedP) : ""),
            Number(r.Comparison && double.IsFinite(r.CupedVarianceReduction) ? AbMarkdown.Share(r.CupedVarianceReduction) : ""),
            Number(r.Comparison ? AbMarkdown.P(r.AlwaysValidP) : ""),
        ]).ToList(),
    };

    private static TableCell Number(string text) => new() { Text = text, Numeric = true };

    private sealed record SummaryRow(
        string Metric, string Arm, int Users, double Value, double Low, double High, double Difference, double DifferenceLow,
        double DifferenceHigh, double BootstrapLow, double BootstrapHigh, double Uplift, double UpliftLow, double UpliftHigh, double PHolm,
        double CupedUplift, double CupedLow, double CupedHigh, double CupedP, double CupedVarianceReduction, double AlwaysValidP, double SrmP)
    {
        /// <summary>Control rows have no comparison (their difference and p are empty).</summary>
        public bool Comparison => double.IsFinite(PHolm) || double.IsFinite(Difference);
    }

    private sealed record DailyRow(int Day, string Arm, string Metric, double Value, double Low, double High, double PValue, double AlwaysValidP);

    private static List<SummaryRow> ReadSummary(string path)
    {
        var rows = new List<SummaryRow>();
        using var csv = CsvReader.FromFile(path, CsvOptions.Reader);
        while (csv.Read())
        {
            double D(string column) => Parse(csv.GetString(column), path, column);
            rows.Add(new SummaryRow(csv.GetString("metric"), csv.GetString("arm"), (int)D("users"), D("value"), D("ci_low"), D("ci_high"),
                D("difference"), D("difference_low"), D("difference_high"), D("bootstrap_low"), D("bootstrap_high"), D("uplift"), D("uplift_low"),
                D("uplift_high"), D("p_holm"), D("cuped_uplift"), D("cuped_low"), D("cuped_high"), D("cuped_p"), D("cuped_variance_reduction"),
                D("always_valid_p"), D("srm_p")));
        }
        return rows;
    }

    private static List<(int Day, string Arm, double Regret)> ReadRegret(string path)
    {
        var rows = new List<(int, string, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length == 3)
                rows.Add((int.Parse(f[0], Inv), f[1], double.Parse(f[2], Inv)));
        }
        return rows;
    }

    private static List<DailyRow> ReadDaily(string path)
    {
        var rows = new List<DailyRow>();
        using var csv = CsvReader.FromFile(path, CsvOptions.Reader);
        while (csv.Read())
        {
            double D(string column) => Parse(csv.GetString(column), path, column);
            rows.Add(new DailyRow((int)D("day"), csv.GetString("arm"), csv.GetString("metric"), D("value"), D("ci_low"), D("ci_high"),
                D("p_value"), D("always_valid_p")));
        }
        return rows;
    }

    /// <summary>An empty field (the writer's "not defined", e.g. control's uplift) is NaN.</summary>
    private static double Parse(string text, string path, string column) =>
        string.IsNullOrEmpty(text) ? double.NaN
        : double.TryParse(text, NumberStyles.Float, Inv, out var v) ? v
        : throw new InvalidDataException($"{path}: column {column} holds '{text}', not a number");
}
