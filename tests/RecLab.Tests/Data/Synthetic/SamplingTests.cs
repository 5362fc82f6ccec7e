using RecLab.Data.Synthetic;
using RecLab.Randomness;

namespace RecLab.Tests.Data.Synthetic;

public sealed class SamplingTests
{
    [Fact]
    public void Alias_table_draws_match_the_weights_by_chi_square()
    {
        double[] weights = [5, 0, 1, 2.5, 0.5, 10, 3];
        var table = new AliasTable(weights);
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            Assert.Equal(weights[i] / total, table.ProbabilityOf(i), 12);
        var rng = new Rng(11);
        const int draws = 200_000;
        var counts = new int[weights.Length];
        for (var k = 0; k < draws; k++)
            counts[table.Sample(ref rng)]++;
        Assert.Equal(0, counts[1]);
        var chi2 = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0)
                continue;
            var expected = draws * weights[i] / total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        // 99.9th percentile of chi-square with 5 degrees of freedom.
        Assert.True(chi2 < 20.52, $"chi-square {chi2:0.00}");
    }

    [Fact]
    public void Alias_table_thresholds_stored_as_floats_decide_as_the_exact_doubles()
    {
        // 1/3 is no float: its float floor lies below it, and uniforms between the two must still be accepted.
        double[] thresholds = [1.0 / 3, 0.25, 1.0];
        foreach (var (threshold, k) in thresholds.Select((t, k) => (t, k)))
        {
            var floor = AliasTable.FloorToFloat(threshold);
            Assert.True(floor <= threshold && MathF.BitIncrement(floor) > threshold);
            double[] probes = [0, floor, Math.BitDecrement(threshold), threshold, Math.BitIncrement(threshold), MathF.BitIncrement(floor), 0.999];
            foreach (var u in probes)
                Assert.Equal(u < threshold, AliasTable.Accepts(u, floor, thresholds, k));
        }
        Assert.True(AliasTable.FloorToFloat(1.0 / 3) < 1.0 / 3, "the band the exact threshold decides is empty");
    }

    [Fact]
    public void Alias_table_rejects_weights_without_mass()
    {
        Assert.Throws<ArgumentException>(() => new AliasTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, -1]));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.5)]
    public void Gamma_has_mean_and_variance_equal_to_its_shape(double shape)
    {
        var (mean, variance) = Moments(5, 200_000, (ref Rng rng) => Math.Exp(rng.LogGamma(shape)));
        Assert.InRange(mean, shape * 0.98, shape * 1.02);
        Assert.InRange(variance, shape * 0.95, shape * 1.05);
    }

    [Fact]
    public void Dirichlet_sums_to_one_with_means_alpha_over_total()
    {
        double[] alpha = [0.05, 0.2, 0.75, 1.0];
        var rng = new Rng(8);
        var means = new double[alpha.Length];
        Span<float> x = stackalloc float[alpha.Length];
        const int n = 50_000;
        for (var k = 0; k < n; k++)
        {
            rng.Dirichlet(alpha, x);
            var s = 0.0;
            for (var t = 0; t < x.Length; t++)
            {
                Assert.True(x[t] >= 0);
                s += x[t];
                means[t] += x[t] / n;
            }
            Assert.Equal(1.0, s, 4);
        }
        for (var t = 0; t < alpha.Length; t++)
            Assert.InRange(means[t], alpha[t] / 2 - 0.01, alpha[t] / 2 + 0.01);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(9)]
    [InlineData(60)]
    public void Poisson_has_mean_and_variance_equal_to_its_rate(double rate)
    {
        var (mean, variance) = Moments(3, 100_000, (ref Rng rng) => rng.Poisson(rate));
        Assert.InRange(mean, rate * 0.98, rate * 1.02);
        Assert.InRange(variance, rate * 0.95, rate * 1.05);
    }

    [Fact]
    public void Beta_has_mean_a_over_a_plus_b()
    {
        var rng = new Rng(4);
        var mean = 0.0;
        for (var k = 0; k < 100_000; k++)
            mean += rng.Beta(0.5, 1.5) / 100_000;
        Assert.InRange(mean, 0.245, 0.255);
    }

    private delegate double Sampler(ref Rng rng);

    private static (double Mean, double Variance) Moments(ulong seed, int n, Sampler draw)
    {
        var rng = new Rng(seed);
        double sum = 0, sumSq = 0;
        for (var k = 0; k < n; k++)
        {
            var x = draw(ref rng);
            sum += x;
            sumSq += x * x;
        }
        var mean = sum / n;
        return (mean, sumSq / n - mean * mean);
    }
}
