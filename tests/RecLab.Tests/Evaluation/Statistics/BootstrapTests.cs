using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class BootstrapTests
{
    private static double[] Normal(ulong seed, int n, double mean, double sd)
    {
        var rng = new Rng(seed);
        var x = new double[n];
        for (var i = 0; i < n; i++)
            x[i] = rng.NextGaussian(mean, sd);
        return x;
    }

    [Fact]
    public void Same_seed_same_interval_and_another_seed_another_interval()
    {
        var x = Normal(1, 200, 0.3, 0.1);
        var a = Bootstrap.MeanInterval(x, seed: 42);
        Assert.Equal(a, Bootstrap.MeanInterval(x, seed: 42));
        Assert.NotEqual(a, Bootstrap.MeanInterval(x, seed: 43));
        Assert.Equal(x.Average(), a.Estimate, 12);
        Assert.True(a.Low < a.Estimate && a.Estimate < a.High);
        Assert.Equal(0.95, a.Level);
    }

    [Fact]
    public void Parallel_resampling_is_deterministic()
    {
        // 2000 resamples of 600 values (over a million draws) take the parallel path.
        var x = Normal(2, 600, 1, 1);
        Assert.Equal(Bootstrap.MeanInterval(x, 7), Bootstrap.MeanInterval(x, 7));
    }

    [Fact]
    public void Agrees_with_the_normal_theory_interval_for_a_large_sample()
    {
        // mean ± 1.96 · sd / sqrt(n) for n = 1000: the percentile bounds should match to within a tenth of the half-width.
        var x = Normal(3, 1000, 5, 2);
        var ci = Bootstrap.MeanInterval(x, seed: 9);
        var summary = SampleSummary.Of(x);
        var half = 1.959964 * summary.StandardError;
        Assert.Equal(summary.Mean - half, ci.Low, 0.1 * half);
        Assert.Equal(summary.Mean + half, ci.High, 0.1 * half);
    }

    [Fact]
    public void Covers_the_true_mean_about_as_often_as_its_level()
    {
        var covered = 0;
        const int trials = 200;
        for (var t = 0; t < trials; t++)
        {
            var ci = Bootstrap.MeanInterval(Normal(100 + (ulong)t, 60, 0.5, 1), seed: (ulong)t, resamples: 400, level: 0.9);
            if (ci.Low <= 0.5 && 0.5 <= ci.High)
                covered++;
        }
        // Nominal 90%; the percentile interval runs slightly narrow at n = 60. Binomial sd at 200 trials is about 2.1%.
        Assert.InRange(covered / (double)trials, 0.83, 0.96);
    }

    [Fact]
    public void Constant_values_give_a_point_and_NaN_values_are_skipped()
    {
        var ci = Bootstrap.MeanInterval([0.25, 0.25, double.NaN, 0.25], seed: 1);
        Assert.Equal(new ConfidenceInterval(0.25, 0.25, 0.25, 0.95), ci);
        var none = Bootstrap.MeanInterval([double.NaN], seed: 1);
        Assert.True(double.IsNaN(none.Estimate) && double.IsNaN(none.Low) && double.IsNaN(none.High));
    }

    [Fact]
    public void Difference_interval_is_the_interval_of_the_paired_differences()
    {
        var a = Normal(4, 100, 1, 1);
        var b = Normal(5, 100, 0, 1);
        var d = a.Zip(b, (x, y) => x - y).ToArray();
        Assert.Equal(Bootstrap.MeanInterval(d, 3), Bootstrap.MeanDifferenceInterval(a, b, 3));
    }

    [Fact]
    public void Rejects_bad_parameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0], 1, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0], 1, level: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0], 1, level: 0));
    }
}
