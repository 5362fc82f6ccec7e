using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Evaluation;
using RecLab.Splitting;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary>The result of <c>reclab eval</c> as JSON, CSV or tables.</summary>
internal sealed record EvalReport(string Dataset, ISplitter Splitter, ulong Seed, IReadOnlyList<CrossValidationResult> Results,
    IReadOnlyList<PairedComparison> Comparisons, double LoadSeconds, double TotalSeconds)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static JsonNode? Number(double? value, int digits = 6) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, digits)) : null;

    // p-values keep every digit: rounding would turn 1e-40 into a misleading 0.
    private static JsonNode? Probability(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public string ToJson()
    {
        var algorithms = new JsonArray();
        foreach (var r in Results)
        {
            var metrics = new JsonObject();
            foreach (var m in r.Metrics)
            {
                metrics[m.Name] = new JsonObject
                {
                    ["mean"] = Number(m.Value),
                    ["ci_low"] = Number(m.CiLow),
                    ["ci_high"] = Number(m.CiHigh),
                    ["n"] = m.Count,
                    ["note"] = m.Note,
                };
            }
            algorithms.Add(new JsonObject
            {
                ["algorithm"] = r.Algorithm,
                ["label"] = r.Label,
                ["params"] = r.Parameters,
                ["onboarding"] = r.OnboardingSize,
                ["metrics"] = metrics,
                ["buckets"] = r.Buckets.Count == 0 ? null : new JsonArray(r.Buckets.Select(BucketJson).ToArray()),
                ["users_evaluated"] = r.UsersEvaluated,
                ["fit_seconds"] = Number(r.FitTime.TotalSeconds, 4),
                ["eval_seconds"] = Number(r.EvaluationTime.TotalSeconds, 4),
                ["fit_seconds_per_fold"] = Number(r.FitTime.TotalSeconds / r.Folds.Count, 4),
                ["eval_seconds_per_fold"] = Number(r.EvaluationTime.TotalSeconds / r.Folds.Count, 4),
            });
        }
        var comparisons = new JsonArray();
        foreach (var c in Comparisons)
        {
            comparisons.Add(new JsonObject
            {
                ["metric"] = c.Metric,
                ["onboarding"] = c.OnboardingSize,
                ["a"] = c.A,
                ["b"] = c.B,
                ["pairs"] = c.Pairs,
                ["mean_difference"] = Number(c.MeanDifference),
                ["difference_ci_low"] = Number(c.DifferenceInterval.Low),
                ["difference_ci_high"] = Number(c.DifferenceInterval.High),
                ["t_test_p"] = Probability(c.TTest.PValue),
                ["t_test_p_holm"] = Probability(c.TTest.AdjustedPValue),
                ["wilcoxon_p"] = Probability(c.Wilcoxon.PValue),
                ["wilcoxon_p_holm"] = Probability(c.Wilcoxon.AdjustedPValue),
                ["effect_size_dz"] = Number(c.TTest.EffectSize, 4),
            });
        }
        var json = new JsonObject
        {
            ["dataset"] = Dataset,
            ["split"] = Splitter.Spec,
            ["folds"] = Splitter.FoldCount,
            ["seed"] = Seed,
            ["algorithms"] = algorithms,
            ["comparisons"] = comparisons,
            ["load_seconds"] = Number(LoadSeconds, 4),
            ["total_seconds"] = Number(TotalSeconds, 4),
        };
        return json.ToJsonString(Indented);
    }

    private static JsonNode BucketJson(ActivityBucket b)
    {
        var metrics = new JsonObject();
        foreach (var m in b.Metrics)
            metrics[m.Name] = new JsonObject { ["mean"] = Number(m.Mean), ["n"] = m.Count };
        return new JsonObject { ["label"] = b.Label, ["min"] = b.Min, ["max"] = b.Max, ["users"] = b.Users, ["metrics"] = metrics };
    }

    public string ToCsv()
    {
        var sb = new StringBuilder("algorithm,params,metric,mean,ci_low,ci_high,n,fit_seconds,eval_seconds,onboarding,bucket\n");
        foreach (var r in Results)
        {
            var onboarding = r.OnboardingSize?.ToString(Inv) ?? "";
            foreach (var m in r.Metrics)
                CsvRow(sb, r, m.Name, m.Value, m.CiLow, m.CiHigh, m.Count, onboarding, "");
            foreach (var b in r.Buckets)
                foreach (var m in b.Metrics)
                    CsvRow(sb, r, m.Name, m.Mean, null, null, m.Count, onboarding, b.Label);
        }
        return sb.ToString();
    }

    private static void CsvRow(StringBuilder sb, CrossValidationResult r, string metric, double mean, double? low, double? high, int n,
        string onboarding, string bucket) =>
        sb.Append(Csv(r.Label)).Append(',').Append(Csv(r.Parameters)).Append(',').Append(metric).Append(',')
          .Append(Format(mean)).Append(',').Append(Format(low)).Append(',').Append(Format(high)).Append(',')
          .Append(n.ToString(Inv)).Append(',')
          .Append(r.FitTime.TotalSeconds.ToString("0.####", Inv)).Append(',')
          .Append(r.EvaluationTime.TotalSeconds.ToString("0.####", Inv)).Append(',')
          .Append(onboarding).Append(',').Append(bucket).Append('\n');

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static string Format(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.######", Inv) : "";

    public void Render(IAnsiConsole console)
    {
        var title = $"{Dataset}, {Splitter.Spec} ({Splitter.FoldCount} fold{(Splitter.FoldCount == 1 ? "" : "s")}), seed {Seed}";
        var curve = Results.Any(r => r.OnboardingSize is not null);
        if (curve)
            RenderCurve(console, title);
        else
            RenderMetrics(console, title);
        RenderBuckets(console, curve);
        if (Comparisons.Count == 0)
            return;
        var tests = new Table().Title("Paired comparisons (A − B; p-values Holm-adjusted within each metric" + (curve ? " and onboarding size)" : ")"));
        tests.AddColumn("metric");
        if (curve)
            tests.AddColumn(new TableColumn("onboard").RightAligned());
        tests.AddColumns("A", "B", "pairs", "mean diff", "95% CI", "t-test p", "Wilcoxon p", "d_z");
        foreach (var c in Comparisons)
        {
            var cells = new List<string> { Markup.Escape(c.Metric) };
            if (curve)
                cells.Add(c.OnboardingSize?.ToString(Inv) ?? "");
            cells.AddRange([Markup.Escape(c.A), Markup.Escape(c.B), c.Pairs.ToString(Inv),
                c.MeanDifference.ToString("+0.0000;-0.0000", Inv),
                Markup.Escape($"[{c.DifferenceInterval.Low.ToString("0.0000", Inv)}, {c.DifferenceInterval.High.ToString("0.0000", Inv)}]"),
                P(c.TTest.AdjustedPValue), P(c.Wilcoxon.AdjustedPValue), c.TTest.EffectSize.ToString("0.00", Inv)]);
            tests.AddRow(cells.ToArray());
        }
        console.Write(tests);
    }

    private void RenderMetrics(IAnsiConsole console, string title)
    {
        var metricNames = Results[0].Metrics.Select(m => m.Name).ToList();
        var table = new Table().Title(Markup.Escape(title));
        table.AddColumn("algorithm");
        foreach (var name in metricNames)
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        table.AddColumn(new TableColumn("fit s").RightAligned());
        table.AddColumn(new TableColumn("eval s").RightAligned());
        foreach (var r in Results)
        {
            var cells = new List<string> { Markup.Escape(r.Label) };
            foreach (var name in metricNames)
            {
                var m = r[name];
                var best = IsBest(Results, name, m.Value);
                var text = double.IsFinite(m.Value) ? m.Value.ToString("0.0000", Inv) : "n/a";
                if (m.CiLow is { } lo && m.CiHigh is { } hi && double.IsFinite(lo))
                    text += $" ±{(hi - lo) / 2:0.0000}";
                cells.Add(best ? $"[bold]{Markup.Escape(text)}[/]" : Markup.Escape(text));
            }
            cells.Add(r.FitTime.TotalSeconds.ToString("0.00", Inv));
            cells.Add(r.EvaluationTime.TotalSeconds.ToString("0.00", Inv));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.WriteLine("Means over users (RMSE, MAE, coverage, Gini: mean over folds); ± is half the 95% bootstrap interval; best in bold.");
    }

    /// <summary>One table per metric: algorithms down, onboarding sizes across (the cold-start curve).</summary>
    private void RenderCurve(IAnsiConsole console, string title)
    {
        var sizes = Results.Select(r => r.OnboardingSize).Distinct().ToList();
        var labels = Results.Select(r => r.Label).Distinct().ToList();
        foreach (var name in Results[0].Metrics.Select(m => m.Name))
        {
            var table = new Table().Title(Markup.Escape($"{name} by onboarding size: {title}"));
            table.AddColumn("algorithm");
            foreach (var size in sizes)
                table.AddColumn(new TableColumn(size?.ToString(Inv) ?? "all").RightAligned());
            foreach (var label in labels)
            {
                var cells = new List<string> { Markup.Escape(label) };
                foreach (var size in sizes)
                {
                    var atSize = Results.Where(r => r.OnboardingSize == size).ToList();
                    var value = atSize.First(r => r.Label == label)[name].Value;
                    var text = double.IsFinite(value) ? value.ToString("0.0000", Inv) : "n/a";
                    cells.Add(IsBest(atSize, name, value) ? $"[bold]{text}[/]" : text);
                }
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
        console.WriteLine("Means over the same cold users at every size; best per size in bold.");
    }

    /// <summary>One table per per-user metric: configurations down, activity buckets across.</summary>
    private void RenderBuckets(IAnsiConsole console, bool curve)
    {
        if (Results.All(r => r.Buckets.Count == 0))
            return;
        var labels = Results.SelectMany(r => r.Buckets).OrderBy(b => b.Min).Select(b => b.Label).Distinct().ToList();
        foreach (var name in Results[0].Buckets.SelectMany(b => b.Metrics).Select(m => m.Name).Distinct())
        {
            var table = new Table().Title(Markup.Escape($"{name} by user activity (known interactions)"));
            table.AddColumn("algorithm");
            foreach (var label in labels)
            {
                var users = Results[0].Buckets.FirstOrDefault(b => b.Label == label)?.Users ?? 0;
                table.AddColumn(new TableColumn(Markup.Escape($"{label} ({users} users)")).RightAligned());
            }
            foreach (var r in Results)
            {
                var cells = new List<string> { Markup.Escape(curve ? $"{r.Label} @{r.OnboardingSize}" : r.Label) };
                foreach (var label in labels)
                {
                    var bucket = r.Buckets.FirstOrDefault(b => b.Label == label);
                    var value = bucket?.Metrics.FirstOrDefault(m => m.Name == name)?.Mean ?? double.NaN;
                    cells.Add(double.IsFinite(value) ? value.ToString("0.0000", Inv) : "n/a");
                }
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
    }

    private static string P(double p) => p < 1e-4 ? "<0.0001" : p.ToString("0.0000", Inv);

    private static bool IsBest(IReadOnlyList<CrossValidationResult> results, string metric, double value)
    {
        if (results.Count < 2 || !double.IsFinite(value))
            return false;
        var higher = results[0][metric].HigherIsBetter;
        var values = results.Select(r => r[metric].Value).Where(double.IsFinite).ToList();
        return values.Count > 0 && value == (higher ? values.Max() : values.Min());
    }
}
