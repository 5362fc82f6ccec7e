using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class SequentialTestsTests
{
    [Fact]
    public void Mixture_ratio_by_hand_and_in_johari_form()
    {
        // Δ = 0.5, V = 0.04, τ² = 0.01: sqrt(0.04/0.05) · exp(0.01 · 0.25 / (2 · 0.04 · 0.05)) = 0.894427 · e^0.625 = 1.671010.
        Assert.Equal(1.671010, SequentialTests.MixtureLikelihoodRatio(0.5, 0.04, 0.01), 1e-5);
        // Johari et al. with σ² = 1, n = 50 per arm (V = 2σ²/n = 0.04): sqrt(2σ²/(2σ² + nτ²)) exp(n²τ²Δ²/(4σ²(2σ² + nτ²))).
        double s2 = 1, n = 50, tau2 = 0.01, d = 0.5;
        var johari = Math.Sqrt(2 * s2 / (2 * s2 + n * tau2)) * Math.Exp(n * n * tau2 * d * d / (4 * s2 * (2 * s2 + n * tau2)));
        Assert.Equal(johari, SequentialTests.MixtureLikelihoodRatio(d, 2 * s2 / n, tau2), 12);
    }

    private static (List<double[]> Control, List<double[]> Treatment) Daily(ulong seed, int users, int days, double effect)
    {
        // Cumulative per-user sums of a daily N(μ, 1) outcome.
        var rng = new Rng(seed);
        var control = new List<double[]>();
        var treatment = new List<double[]>();
        double[] c = new double[users], t = new double[users];
        for (var d = 0; d < days; d++)
        {
            for (var u = 0; u < users; u++)
            {
                c[u] += rng.NextGaussian();
                t[u] += rng.NextGaussian(effect, 1);
            }
            control.Add((double[])c.Clone());
            treatment.Add((double[])t.Clone());
        }
        return (control, treatment);
    }

    [Fact]
    public void Always_valid_p_never_rises_and_stays_in_range()
    {
        var (control, treatment) = Daily(1, 200, 14, 0.05);
        var report = SequentialTests.Monitor(control, treatment, 0.05, 0.01);
        Assert.Equal(14, report.Looks.Count);
        for (var d = 0; d < report.Looks.Count; d++)
        {
            var look = report.Looks[d];
            Assert.InRange(look.AlwaysValidPValue, 0, 1);
            Assert.InRange(look.PValue, 0, 1);
            if (d > 0)
                Assert.True(look.AlwaysValidPValue <= report.Looks[d - 1].AlwaysValidPValue);
        }
    }

    [Fact]
    public void A_clear_effect_stops_both_and_raises_no_warning()
    {
        var (control, treatment) = Daily(2, 1000, 14, 0.3);
        var report = SequentialTests.Monitor(control, treatment, 0.05, 0.04);
        Assert.NotNull(report.AlwaysValidStop);
        Assert.True(report.NaiveStop <= report.AlwaysValidStop);
        Assert.False(report.PeekingWarning && report.AlwaysValidStop == report.NaiveStop);
    }

    [Fact]
    public void Peeking_inflates_the_false_positive_rate_and_msprt_does_not()
    {
        // 400 A/A tests with 14 daily looks: a naive peek "finds" an effect far more often than 5%; the always-valid p stays below 5%.
        int naive = 0, valid = 0, warned = 0;
        const int tests = 400;
        for (var s = 0; s < tests; s++)
        {
            var (control, treatment) = Daily(100 + (ulong)s, 100, 14, 0);
            var report = SequentialTests.Monitor(control, treatment, 0.05, 0.05);
            naive += report.NaiveStop is null ? 0 : 1;
            valid += report.AlwaysValidStop is null ? 0 : 1;
            warned += report.PeekingWarning ? 1 : 0;
        }
        var figures = $"naive {naive}/{tests}, always-valid {valid}/{tests}, warnings {warned}";
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(naive > 0.1 * tests, figures);
        Assert.True(valid <= 0.05 * tests, figures);
        Assert.True(warned >= naive - valid, figures);
    }
}
