using FsCheck;
using FsCheck.Fluent;
using RecLab.Evaluation.Statistics;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class SignificanceTestsTests
{
    // Student's sleep data (Cushny & Peebles), R's `sleep`: extra hours of sleep under drug 1 and drug 2, same 10 patients.
    private static readonly double[] Drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] Drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Paired_t_matches_R_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) -> t = -4.0621, df = 9, p-value = 0.002833,
        // mean of the differences -1.58 (printed in "R For Dummies", Meys & de Vries, "How to compare paired data with R").
        var r = SignificanceTests.PairedTTest(Drug1, Drug2);
        Assert.Equal("paired-t", r.Test);
        Assert.Equal(-4.0621, r.Statistic, 4);
        Assert.Equal(9, r.DegreesOfFreedom);
        Assert.Equal(0.002833, r.PValue, 6);
        Assert.Equal(-1.58, r.MeanDifference, 12);
        Assert.Equal(10, r.N);
        // d_z = mean / sd = t / sqrt(n).
        Assert.Equal(r.Statistic / Math.Sqrt(10), r.EffectSize, 12);
    }

    [Fact]
    public void Welch_matches_R_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep) -> t = -1.8608, df = 17.776, p-value = 0.07939 (Cookbook for R, "t-test").
        var r = SignificanceTests.WelchTTest(Drug1, Drug2);
        Assert.Equal(-1.8608, r.Statistic, 4);
        Assert.Equal(17.776, r.DegreesOfFreedom, 3);
        Assert.Equal(0.07939, r.PValue, 5);
        Assert.Equal(0.75 - 2.33, r.MeanDifference, 12);
        Assert.Equal(20, r.N);
        // Equal group sizes: pooled sd = sqrt((s1² + s2²) / 2), and t = d / sqrt(2/n), so d = t · sqrt(2/10).
        Assert.Equal(r.Statistic * Math.Sqrt(0.2), r.EffectSize, 12);
    }

    // Darwin's corn: height differences of cross- and self-fertilized plants (Wilcoxon 1945), the scipy.stats.wilcoxon example.
    private static readonly double[] Darwin = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];

    [Fact]
    public void Wilcoxon_exact_matches_scipy_on_Darwins_data()
    {
        // scipy: wilcoxon(d) -> statistic 24.0 (= min(W+, W−)), pvalue 0.041259765625 (exact).
        var r = SignificanceTests.WilcoxonSignedRank(Darwin, new double[Darwin.Length]);
        Assert.Equal(96, r.Statistic);                   // W+ = 120 − 24
        Assert.Equal(0.041259765625, r.PValue, 15);
        Assert.Equal(15, r.N);
        Assert.Equal((96.0 - 24) / 120, r.EffectSize, 12); // rank-biserial r
    }

    [Fact]
    public void Wilcoxon_normal_approximation_matches_scipy_on_Darwins_data()
    {
        // scipy: wilcoxon(d, method='asymptotic') -> 0.04088813291185591 (no continuity correction by default).
        var r = SignificanceTests.WilcoxonSignedRank(Darwin, new double[Darwin.Length], WilcoxonMethod.Normal, continuityCorrection: false);
        Assert.Equal(0.04088813291185591, r.PValue, 12);
    }

    // Hollander & Wolfe (1973) p. 29: Hamilton depression scale, first (x) and second (y) visit; R's wilcox.test example.
    private static readonly double[] VisitX = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] VisitY = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Fact]
    public void Wilcoxon_matches_R_on_the_depression_data()
    {
        // R: wilcox.test(x, y, paired = TRUE, alternative = "greater") -> V = 40, p-value = 0.01953 (exact, = 10/512);
        // two-sided = 2 · 10/512. With exact = FALSE, correct = FALSE, R gives the one-sided 0.01908.
        var exact = SignificanceTests.WilcoxonSignedRank(VisitX, VisitY);
        Assert.Equal(40, exact.Statistic);
        Assert.Equal(20.0 / 512, exact.PValue, 15);
        var normal = SignificanceTests.WilcoxonSignedRank(VisitX, VisitY, WilcoxonMethod.Normal, continuityCorrection: false);
        Assert.Equal(2 * 0.01908, normal.PValue, 4);
    }

    [Fact]
    public void Wilcoxon_normal_approximation_with_ties_and_continuity_correction()
    {
        // Sullivan's "Wilcoxon matched-pairs signed-rank test" example (WBA vs MCD, n = 14). |d| has the tie groups
        // {0.4, 0.4}, {0.7, 0.7}, {1.3, 1.3}; W+ = 69. Variance 14·15·29/24 − 3·(8 − 2)/48 = 253.375;
        // z = (69 − 52.5 − 0.5) / sqrt(253.375); two-sided p = 2·(1 − Φ(z)) = 0.3148165765261608 (computed in Python).
        // R reports one-sided 0.1575 because floating-point subtraction splits the 0.7 tie (0.6999…97 vs 0.7000…02);
        // RecLab treats differences equal to 1e-12 relative as tied.
        double[] wba = [8.9, 6.3, 6.2, 7.2, 2.8, 3.3, 23.6, 6, 15.6, 5.2, 6.3, 10.1, 4, 8.4];
        double[] mcd = [8.5, 7.6, 8.3, 10.4, 2.5, 2.6, 3.5, 4.7, 9, 6, 5.6, 5, 4.4, 5.6];
        var r = SignificanceTests.WilcoxonSignedRank(wba, mcd, WilcoxonMethod.Normal);
        Assert.Equal(69, r.Statistic);
        Assert.Equal(0.3148165765261608, r.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_exact_with_ties_hand_computed()
    {
        // d = 2, 2, 3, −1: |d| ranks 2.5, 2.5, 4, 1; W+ = 9, W− = 1. Of the 16 sign assignments of {1, 2.5, 2.5, 4},
        // W+ ≤ 1 for {} and {1} only: p = 2 · 2/16.
        var r = SignificanceTests.WilcoxonSignedRank([2, 2, 3, -1], [0, 0, 0, 0]);
        Assert.Equal(9, r.Statistic);
        Assert.Equal(0.25, r.PValue, 15);
    }

    [Fact]
    public void Wilcoxon_drops_zero_differences_and_undefined_pairs()
    {
        var baseline = SignificanceTests.WilcoxonSignedRank(Darwin, new double[Darwin.Length]);
        double[] a = [.. Darwin, 5, 7, double.NaN, 3];
        double[] b = [.. new double[Darwin.Length], 5, 7, 1, double.NaN];
        var r = SignificanceTests.WilcoxonSignedRank(a, b);
        Assert.Equal(baseline.Statistic, r.Statistic);
        Assert.Equal(baseline.PValue, r.PValue);
        Assert.Equal(15, r.N);
        Assert.Equal(Darwin.Sum() / 17, r.MeanDifference, 12); // the mean difference keeps the two zero pairs
    }

    [Fact]
    public void Wilcoxon_treats_roundoff_as_ties()
    {
        // 0.3 − 0.2 = 0.09999999999999998 but 0.1 − 0 = 0.1: the same difference, as 3 − 2 and 1 − 0 are.
        var rounded = SignificanceTests.WilcoxonSignedRank([0.3, 0.1, 0.5, 0.2], [0.2, 0.0, 0.1, 0.1 + 0.2 - 0.1]);
        var exact = SignificanceTests.WilcoxonSignedRank([3, 1, 5, 2], [2, 0, 1, 2]);
        Assert.Equal(exact.Statistic, rounded.Statistic);
        Assert.Equal(exact.PValue, rounded.PValue);
        Assert.Equal(3, rounded.N);
    }

    [Fact]
    public void No_difference_at_all_gives_p_one()
    {
        double[] same = [0.1, 0.5, 0.3];
        var w = SignificanceTests.WilcoxonSignedRank(same, same);
        Assert.Equal((0.0, 1.0, 0), (w.Statistic, w.PValue, w.N));
        var t = SignificanceTests.PairedTTest(same, same);
        Assert.Equal((0.0, 1.0, 0.0), (t.Statistic, t.PValue, t.EffectSize));
    }

    [Fact]
    public void A_constant_shift_is_infinitely_significant_for_the_t_test()
    {
        var t = SignificanceTests.PairedTTest([1.0, 2.0, 3.0], [0.0, 1.0, 2.0]);
        Assert.Equal(double.PositiveInfinity, t.Statistic);
        Assert.Equal(0.0, t.PValue);
    }

    [Fact]
    public void Too_few_observations_give_NaN_and_misaligned_pairs_are_an_error()
    {
        Assert.True(double.IsNaN(SignificanceTests.PairedTTest([1.0], [2.0]).PValue));
        Assert.True(double.IsNaN(SignificanceTests.WelchTTest([1.0], [2.0, 3.0]).PValue));
        Assert.Throws<ArgumentException>(() => SignificanceTests.PairedTTest([1.0, 2.0], [2.0]));
        Assert.Throws<ArgumentException>(() => SignificanceTests.WilcoxonSignedRank([1.0, 2.0], [2.0]));
        Assert.Throws<ArgumentException>(() => SignificanceTests.WilcoxonSignedRank(new double[61], Enumerable.Range(1, 61).Select(i => (double)i).ToArray(), WilcoxonMethod.Exact));
    }

    // Brute force over all 2^n sign assignments of the observed midranks: the twin of the dynamic programme.
    private static double EnumeratedExactP(double[] d)
    {
        var nonZero = d.Where(x => x != 0).ToArray();
        var abs = nonZero.Select(Math.Abs).ToArray();
        var ranks = abs.Select(v => abs.Count(w => w < v) + (abs.Count(w => w == v) + 1) / 2.0).ToArray();
        var wPlus = ranks.Where((_, i) => nonZero[i] > 0).Sum();
        var total = ranks.Sum();
        var observed = Math.Min(wPlus, total - wPlus);
        var n = ranks.Length;
        var atMost = 0;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var w = 0.0;
            for (var i = 0; i < n; i++)
                if ((mask & (1 << i)) != 0)
                    w += ranks[i];
            if (w <= observed + 1e-9)
                atMost++;
        }
        return Math.Min(1.0, 2.0 * atMost / (1 << n));
    }

    [Fact]
    public void Exact_distribution_agrees_with_enumeration_including_ties()
    {
        var property = Prop.ForAll(Gen.Choose(-4, 4).ArrayOf().Where(a => a.Length is > 0 and <= 12).ToArbitrary(), ints =>
        {
            var d = ints.Select(i => (double)i).ToArray();
            var r = SignificanceTests.WilcoxonSignedRank(d, new double[d.Length], WilcoxonMethod.Exact);
            return d.All(x => x == 0) ? r.PValue == 1 : Math.Abs(r.PValue - EnumeratedExactP(d)) < 1e-12;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(21, 5), property);
    }

    [Fact]
    public void Normal_approximation_is_close_to_exact_at_the_switch_over()
    {
        var rng = new RecLab.Randomness.Rng(8);
        for (var trial = 0; trial < 20; trial++)
        {
            var d = new double[SignificanceTests.WilcoxonExactLimit];
            for (var i = 0; i < d.Length; i++)
                d[i] = rng.NextGaussian(0.3, 1);
            var zero = new double[d.Length];
            var exact = SignificanceTests.WilcoxonSignedRank(d, zero);
            var normal = SignificanceTests.WilcoxonSignedRank(d, zero, WilcoxonMethod.Normal);
            Assert.True(Math.Abs(exact.PValue - normal.PValue) < 0.01, $"exact {exact.PValue} vs normal {normal.PValue}");
        }
    }

    [Fact]
    public void T_test_p_value_follows_the_t_distribution_under_the_null()
    {
        // Under H0 p-values are uniform: about 5% fall below 0.05 (4000 trials: binomial sd 0.34%, band ±3 sd).
        var rng = new RecLab.Randomness.Rng(3);
        var rejections = 0;
        const int trials = 4000;
        for (var trial = 0; trial < trials; trial++)
        {
            var a = new double[30];
            var b = new double[30];
            for (var i = 0; i < a.Length; i++)
            {
                var user = rng.NextGaussian(0, 2);
                a[i] = user + rng.NextGaussian();
                b[i] = user + rng.NextGaussian();
            }
            if (SignificanceTests.PairedTTest(a, b).PValue < 0.05)
                rejections++;
        }
        Assert.InRange(rejections / (double)trials, 0.04, 0.06);
    }
}
