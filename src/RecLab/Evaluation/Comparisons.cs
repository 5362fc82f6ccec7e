using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Evaluation;

/// <summary>Pairwise significance tests between evaluated configurations, with Holm's correction per metric.</summary>
public static class Comparisons
{
    /// <summary>
    /// Compares every pair of configurations (or each one against <paramref name="baseline"/> when given) on every
    /// per-user metric: paired t-test and Wilcoxon signed-rank on the (fold, user) pairs both evaluated, a bootstrap
    /// interval of the mean difference, and Holm-adjusted p-values within each metric's family of comparisons.
    /// </summary>
    public static IReadOnlyList<PairedComparison> Compare(IReadOnlyList<CrossValidationResult> results, ulong seed,
        string? baseline = null, int resamples = Bootstrap.DefaultResamples, double level = Bootstrap.DefaultLevel)
    {
        var pairs = new List<(int A, int B)>();
        if (baseline is not null)
        {
            var b = results.ToList().FindIndex(r => r.Label == baseline || r.Algorithm == baseline);
            if (b < 0)
                throw new ArgumentException($"The baseline '{baseline}' is not among the evaluated algorithms ({string.Join(", ", results.Select(r => r.Label))}).");
            for (var a = 0; a < results.Count; a++)
                if (a != b)
                    pairs.Add((a, b));
        }
        else
        {
            for (var a = 0; a < results.Count; a++)
                for (var b = a + 1; b < results.Count; b++)
                    pairs.Add((a, b));
        }

        var comparisons = new List<PairedComparison>();
        if (results.Count < 2)
            return comparisons;
        foreach (var metric in results[0].Metrics.Where(m => m.IsUserMean))
        {
            var family = new List<PairedComparison>();
            foreach (var (a, b) in pairs)
            {
                var (x, y) = Align(results[a][metric.Name], results[b][metric.Name]);
                if (x.Length < 2)
                    continue;
                family.Add(new PairedComparison(metric.Name, results[a].Label, results[b].Label, x.Length,
                    SampleSummary.Of(Samples.Differences(x, y)).Mean,
                    Bootstrap.MeanDifferenceInterval(x, y, Seeds.Derive(seed, $"{metric.Name}|{results[a].Label}|{results[b].Label}"), resamples, level),
                    SignificanceTests.PairedTTest(x, y),
                    SignificanceTests.WilcoxonSignedRank(x, y)));
            }
            var t = MultipleComparisons.Holm(family.Select(c => c.TTest).ToList());
            var w = MultipleComparisons.Holm(family.Select(c => c.Wilcoxon).ToList());
            for (var k = 0; k < family.Count; k++)
                comparisons.Add(family[k] with { TTest = t[k], Wilcoxon = w[k] });
        }
        return comparisons;
    }

    /// <summary>The values of two results on the keys both have, in key order.</summary>
    public static (double[] A, double[] B) Align(MetricResult a, MetricResult b)
    {
        var index = new Dictionary<long, double>(b.Keys.Length);
        for (var k = 0; k < b.Keys.Length; k++)
            index[b.Keys[k]] = b.PerUser[k];
        var keys = new List<long>();
        for (var k = 0; k < a.Keys.Length; k++)
            if (index.ContainsKey(a.Keys[k]))
                keys.Add(a.Keys[k]);
        keys.Sort();
        var valueA = new Dictionary<long, double>(a.Keys.Length);
        for (var k = 0; k < a.Keys.Length; k++)
            valueA[a.Keys[k]] = a.PerUser[k];
        return (keys.Select(k => valueA[k]).ToArray(), keys.Select(k => index[k]).ToArray());
    }
}
