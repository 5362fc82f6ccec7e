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
}
