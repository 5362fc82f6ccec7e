using RecLab.Evaluation;

namespace RecLab.Tests.Evaluation;

public sealed class ComparisonsTests
{
    private static MetricResult Metric(long[] keys, double[] values) => new()
    {
        Name = "ndcg@10",
        Value = values.Average(),
        HigherIsBetter = true,
        Keys = keys,
        PerUser = values,
        Users = keys.Select(k => (int)k).ToArray(),
        Count = values.Length,
        IsUserMean = true,
    };

    [Fact]
    public void Align_pairs_values_by_fold_and_user_key()
    {
        var a = Metric([CrossValidation.PairKey(0, 3), CrossValidation.PairKey(1, 3), CrossValidation.PairKey(0, 1)], [0.3, 0.4, 0.1]);
        var b = Metric([CrossValidation.PairKey(0, 1), CrossValidation.PairKey(1, 3)], [0.5, 0.6]);
        var (x, y) = Comparisons.Align(a, b);
        Assert.Equal([0.1, 0.4], x);
        Assert.Equal([0.5, 0.6], y);
    }

    private static CrossValidationResult Result(string label, double[] values) => new()
    {
        Algorithm = label,
        Label = label,
        Parameters = "",
        Folds = [],
        Metrics = [Metric(Enumerable.Range(0, values.Length).Select(i => CrossValidation.PairKey(0, i)).ToArray(), values)],
    };

    [Fact]
    public void Holm_adjusts_within_a_metric_and_a_baseline_limits_the_pairs()
    {
        var rng = new RecLab.Randomness.Rng(1);
        double[] Noise(double shift) => Enumerable.Range(0, 200).Select(_ => shift + rng.NextGaussian()).ToArray();
        var results = new[] { Result("base", Noise(0)), Result("better", Noise(0.5)), Result("same", Noise(0)) };
        var all = Comparisons.Compare(results, 1);
        Assert.Equal(3, all.Count);
        Assert.All(all, c => Assert.True(c.TTest.AdjustedPValue >= c.TTest.PValue));
        var vsBase = Comparisons.Compare(results, 1, baseline: "base");
        Assert.Equal(["better", "same"], vsBase.Select(c => c.A));
        Assert.True(vsBase[0].TTest.AdjustedPValue < 0.001);
        Assert.Throws<ArgumentException>(() => Comparisons.Compare(results, 1, baseline: "missing"));
    }
}
