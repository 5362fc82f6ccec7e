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
                ["metrics"] = metrics,
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

    public string ToCsv()
    {
        var sb = new StringBuilder("algorithm,params,metric,mean,ci_low,ci_high,n,fit_seconds,eval_seconds\n");
        foreach (var r in Results)
            foreach (var m in r.Metrics)
                sb.Append(Csv(r.Label)).Append(',').Append(Csv(r.Parameters)).Append(',').Append(m.Name).Append(',')
                  .Append(Format(m.Value)).Append(',').Append(Format(m.CiLow)).Append(',').Append(Format(m.CiHigh)).Append(',')
                  .Append(m.Count.ToString(Inv)).Append(',')
                  .Append(r.FitTime.TotalSeconds.ToString("0.####", Inv)).Append(',')
                  .Append(r.EvaluationTime.TotalSeconds.ToString("0.####", Inv)).Append('\n');
        return sb.ToString();
    }

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static string Format(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.######", Inv) : "";

    public void Render(IAnsiConsole console)
    {
        var metricNames = Results[0].Metrics.Select(m => m.Name).ToList();
        var table = new Table().Title(Markup.Escape($"{Dataset}, {Splitter.Spec} ({Splitter.FoldCount} fold{(Splitter.FoldCount == 1 ? "" : "s")}), seed {Seed}"));
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
                var best = IsBest(name, m.Value);
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
        if (Comparisons.Count == 0)
            return;
        var tests = new Table().Title("Paired comparisons (A − B; p-values Holm-adjusted within each metric)")
            .AddColumns("metric", "A", "B", "pairs", "mean diff", "95% CI", "t-test p", "Wilcoxon p", "d_z");
        foreach (var c in Comparisons)
            tests.AddRow(Markup.Escape(c.Metric), Markup.Escape(c.A), Markup.Escape(c.B), c.Pairs.ToString(Inv),
                c.MeanDifference.ToString("+0.0000;-0.0000", Inv),
                Markup.Escape($"[{c.DifferenceInterval.Low.ToString("0.0000", Inv)}, {c.DifferenceInterval.High.ToString("0.0000", Inv)}]"),
                P(c.TTest.AdjustedPValue), P(c.Wilcoxon.AdjustedPValue), c.TTest.EffectSize.ToString("0.00", Inv));
        console.Write(tests);
    }

    private static string P(double p) => p < 1e-4 ? "<0.0001" : p.ToString("0.0000", Inv);

    private bool IsBest(string metric, double value)
    {
        if (Results.Count < 2 || !double.IsFinite(value))
            return false;
        var higher = Results[0][metric].HigherIsBetter;
        var values = Results.Select(r => r[metric].Value).Where(double.IsFinite).ToList();
        return values.Count > 0 && value == (higher ? values.Max() : values.Min());
    }
}
