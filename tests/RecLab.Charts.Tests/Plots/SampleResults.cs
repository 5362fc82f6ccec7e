using Plotly.NET;
using RecLab.Charts.Plots;

namespace RecLab.Charts.Tests.Plots;

/// <summary>Small, made-up result values shaped like an experiment's, shared by the plot and browser tests.</summary>
public static class SampleResults
{
    public static readonly string[] Algorithms = ["Popular", "ItemKNN", "ALS", "BPR"];

    public static IReadOnlyList<MetricEstimate> Estimates()
    {
        var list = new List<MetricEstimate>();
        for (var a = 0; a < Algorithms.Length; a++)
        {
            var ndcg = 0.10 + 0.05 * a;
            var recall = 0.15 + 0.04 * a;
            list.Add(new MetricEstimate(Algorithms[a], "nDCG@10", ndcg, ndcg - 0.01, ndcg + 0.012));
            list.Add(new MetricEstimate(Algorithms[a], "Recall@10", recall, recall - 0.02, recall + 0.015));
        }

        return list;
    }

    public static IReadOnlyList<MetricCurve> Curves() =>
        Algorithms.Select((name, a) =>
        {
            var n = Enumerable.Range(1, 50).ToArray();
            return new MetricCurve(name, n, n.Select(k => (0.05 + 0.03 * a) * Math.Log(1 + k)).ToArray());
        }).ToList();

    public static IReadOnlyList<PrecisionRecallPoint> PrecisionRecall() =>
        Algorithms.SelectMany((name, a) => new[] { 5, 10, 20 }.Select(n =>
            new PrecisionRecallPoint(name, n, (0.2 + 0.04 * a) / Math.Sqrt(n), (0.05 + 0.02 * a) * Math.Sqrt(n)))).ToList();

    public static IReadOnlyList<FitCost> Costs() =>
        [new("Popular", 0.0002, 0.10), new("ItemKNN", 0.8, 0.15), new("ALS", 4.2, 0.20), new("BPR", 31.0, 0.25)];

    public static IReadOnlyList<NamedValues> PerUser()
    {
        var random = new Random(42);
        return Algorithms.Select((name, a) => new NamedValues(name,
            Enumerable.Range(0, 200).Select(_ => Math.Clamp(random.NextDouble() * (0.3 + 0.1 * a), 0, 1)).ToArray())).ToList();
    }

    /// <summary>Zipf-like counts, never zero: item i has 1 + floor(1000 / i^exponent) interactions.</summary>
    public static double[] ItemCounts(int items, double exponent) =>
        Enumerable.Range(1, items).Select(i => 1 + Math.Floor(1000 / Math.Pow(i, exponent))).Reverse().ToArray();

    public static GridSearchScores Grid() => new(
        "nDCG@10",
        "factors",
        ["16", "32", "64", "128"],
        "regularization",
        ["0.001", "0.01", "0.1"],
        [[0.20, 0.22, 0.23, 0.22], [0.21, 0.24, 0.25, 0.245], [0.18, 0.20, 0.21, double.NaN]]);

    public static IReadOnlyList<ArmDailySeries> Arms()
    {
        var days = Enumerable.Range(1, 14).ToArray();
        return
        [
            new ArmDailySeries("control", days, days.Select(d => 0.10 + 0.001 * d).ToArray(), days.Select(d => 0.09 + 0.001 * d).ToArray(), days.Select(d => 0.11 + 0.001 * d).ToArray()),
            new ArmDailySeries("treatment", days, days.Select(d => 0.11 + 0.002 * d).ToArray(), days.Select(d => 0.10 + 0.002 * d).ToArray(), days.Select(d => 0.12 + 0.002 * d).ToArray()),
        ];
    }

    public static IReadOnlyList<UpliftEstimate> Uplifts() =>
        [new("ALS vs Popular", 0.08, 0.03, 0.13), new("BPR vs Popular", 0.02, -0.01, 0.05), new("ItemKNN vs Popular", -0.03, -0.06, -0.005)];

    /// <summary>Every standard plot of these results, by a file-name-safe name, with a heading for pages.</summary>
    public static IReadOnlyList<(string Name, string Title, GenericChart Chart)> StandardCharts() =>
    [
        ("metric-bars", "Metric bars", StandardPlots.MetricBars(Estimates())),
        ("metric-at-n", "Metric@N", StandardPlots.MetricAtN("nDCG", Curves())),
        ("precision-recall", "Precision vs recall", StandardPlots.PrecisionRecall(PrecisionRecall())),
        ("fit-time", "Fit time vs accuracy", StandardPlots.FitTimeVsAccuracy("nDCG@10", Costs())),
        ("cost-by-size", "Cost by size", StandardPlots.CostBySize("Fit time against training interactions", "training interactions (log scale)", "fit seconds (log scale)",
            [new CostCurve("ALS", [1e6, 3e6, 1e7], [3.5, 7.7, 23.4]), new CostCurve("SGD", [1e6, 1e7], [4.1, 30.6])])),
        ("per-user", "Per-user distribution", StandardPlots.PerUserDistribution("nDCG@10", PerUser())),
        ("popularity", "Popularity long tail", StandardPlots.PopularityLongTail("synthetic", ItemCounts(5000, 0.9))),
        ("exposure", "Exposure", StandardPlots.ExposureLongTail(new NamedValues("synthetic", ItemCounts(5000, 0.9)),
            [new NamedValues("Popular", ItemCounts(10, 0.1)), new NamedValues("ALS", ItemCounts(900, 1.1))])),
        ("grid-search", "Grid search", StandardPlots.GridSearchHeatmap(Grid())),
        ("ab-daily", "A/B per day", StandardPlots.AbDaily("CTR", Arms())),
        ("ab-p-values", "A/B p-values per day", StandardPlots.AbPValues(PValues(), 0.05)),
        ("uplift", "Uplift", StandardPlots.Uplift("CTR", Uplifts())),
    ];

    /// <summary>A strong effect whose naive p falls far below the axis and a null one that never crosses alpha.</summary>
    public static IReadOnlyList<DailyPValues> PValues()
    {
        var days = Enumerable.Range(0, 14).ToArray();
        return
        [
            new DailyPValues("ctr", days, days.Select(d => Math.Pow(10, -1 - 1.5 * d)).ToArray(), days.Select(d => Math.Min(1, Math.Pow(10, 0.5 - 0.6 * d))).ToArray()),
            new DailyPValues("revenue", days, days.Select(d => 0.3 + 0.02 * (d % 5)).ToArray(), days.Select(_ => 1.0).ToArray()),
        ];
    }
}
