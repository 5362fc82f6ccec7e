using FsCheck;
using FsCheck.Fluent;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;
using RecLab.Tests.Support;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class AbTestsTests
{
    [Fact]
    public void Mean_difference_matches_welch_by_hand()
    {
        // Equal n = 5 and s² = 2.5 per arm: se = sqrt(0.5 + 0.5) = 1, ν = 8, t = 2.
        // R: t.test(c(3,4,5,6,7), c(1,2,3,4,5)) -> t = 2, df = 8, p = 0.08052, CI -0.306004 4.306004 (qt(0.975, 8) = 2.306004).
        var r = AbTests.MeanDifference([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]);
        Assert.Equal(2, r.Difference.Estimate, 12);
        Assert.Equal(1, r.StandardError, 12);
        Assert.Equal(8, r.DegreesOfFreedom, 9);
        Assert.Equal(2, r.Statistic, 12);
        Assert.Equal(0.0805162, r.PValue, 1e-6);
        Assert.Equal(-0.306004, r.Difference.Low, 1e-5);
        Assert.Equal(4.306004, r.Difference.High, 1e-5);
        // Relative uplift 5/3 − 1, Fieller with q = 2.306004: a = 9 − q²/2, c = 25 − q²/2, bounds (15 ± sqrt(225 − ac)) / a − 1
        // = −0.0740780 and 2.8050643 (by Python). It holds 0 as the test (p = 0.08) does not reject.
        Assert.Equal(2.0 / 3, r.RelativeUplift.Estimate, 12);
        Assert.Equal(-0.0740780, r.RelativeUplift.Low, 1e-6);
        Assert.Equal(2.8050643, r.RelativeUplift.High, 1e-6);
        Assert.Equal((5, 5), (r.ControlUsers, r.TreatmentUsers));
    }

    [Fact]
    public void Ratio_difference_uses_the_delta_method_per_user()
    {
        // Per arm R = Σy/Σx, Var(R) = (s_y² − 2R s_xy + R² s_x²) / (n x̄²) with n − 1 moments (numbers by Python, formula as in the doc):
        // control R = 0.1470588, Var = 0.00146595; treatment R = 0.225, Var = 0.000907129; z = 1.599967, p = 0.1096059.
        double[] cy = [1, 0, 3, 2, 0, 4], cx = [10, 5, 20, 10, 8, 15];
        double[] ty = [2, 1, 4, 3, 1, 5, 2], tx = [10, 6, 18, 12, 9, 14, 11];
        var r = AbTests.RatioDifference(cy, cx, ty, tx);
        Assert.Equal(0.14705882, r.Control, 1e-7);
        Assert.Equal(0.225, r.Treatment, 12);
        Assert.Equal(0.04871424, r.StandardError, 1e-7);
        Assert.Equal(1.5999669, r.Statistic, 1e-6);
        Assert.Equal(0.1096059, r.PValue, 1e-6);
        Assert.Equal(-0.0175370, r.Difference.Low, 1e-6);
        Assert.Equal(0.1734193, r.Difference.High, 1e-6);
        Assert.Equal(0.53, r.RelativeUplift.Estimate, 10);
        // Fieller with z = 1.959964 on the arms' ratios and variances above: −0.0855372 and 2.2228825 (by Python).
        Assert.Equal(-0.0855372, r.RelativeUplift.Low, 1e-4);
        Assert.Equal(2.2228825, r.RelativeUplift.High, 1e-3);
    }

    [Fact]
    public void Delta_method_standard_error_agrees_with_a_bootstrap_over_users()
    {
        // An independent check of the delta variance: resample users (not impressions) and recompute Σy/Σx.
        var rng = new Rng(5);
        const int n = 2000;
        var clicks = new double[n];
        var views = new double[n];
        for (var u = 0; u < n; u++)
        {
            views[u] = 1 + rng.NextInt(40);
            var ctr = 0.02 + 0.1 * rng.NextDouble();
            for (var k = 0; k < views[u]; k++)
                clicks[u] += rng.NextDouble() < ctr ? 1 : 0;
        }
        var delta = AbTests.RatioInterval(clicks, views);
        var ratios = new double[1000];
        for (var b = 0; b < ratios.Length; b++)
        {
            var draw = Seeds.Stream(9, (ulong)b);
            double y = 0, x = 0;
            for (var k = 0; k < n; k++)
            {
                var u = draw.NextInt(n);
                y += clicks[u];
                x += views[u];
            }
            ratios[b] = y / x;
        }
        var bootstrapSe = SampleSummary.Of(ratios).StandardDeviation;
        var deltaSe = (delta.High - delta.Low) / (2 * 1.959964);
        Assert.InRange(deltaSe / bootstrapSe, 0.9, 1.1);
    }

    [Fact]
    public void Sample_ratio_mismatch_by_hand()
    {
        // 5050 vs 4950 planned 50/50: χ² = 2·50²/5000 = 1, p = P(χ²₁ > 1) = 0.3173105 (R: chisq.test(c(5050, 4950))).
        var two = AbTests.SampleRatioMismatch([5050, 4950], [1, 1]);
        Assert.Equal(1.0, two.ChiSquare, 12);
        Assert.Equal(0.3173105, two.PValue, 1e-6);
        Assert.False(two.Mismatch);
        // Three arms 1:1:2 with 1000, 1000, 2100: E = 1025, 1025, 2050, χ² = 2.439024, p = exp(−χ²/2) = 0.2953742 (2 df).
        var three = AbTests.SampleRatioMismatch([1000, 1000, 2100], [1, 1, 2]);
        Assert.Equal(2, three.DegreesOfFreedom);
        Assert.Equal(2.4390244, three.ChiSquare, 1e-6);
        Assert.Equal(0.2953742, three.PValue, 1e-6);
        Assert.Equal([1025.0, 1025.0, 2050.0], three.Expected);
        Assert.True(AbTests.SampleRatioMismatch([10_300, 9_700], [1, 1]).Mismatch);
        // χ² = 100 (5500 vs 4500): p = erfc(sqrt(50)) = 1.5239706e-23 from the survival function, not 1 − CDF = 0.
        var far = AbTests.SampleRatioMismatch([5_500, 4_500], [1, 1]);
        Assert.Equal(100, far.ChiSquare, 9);
        Assert.Equal(1.5239706e-23, far.PValue, 1e-29);
        Assert.Throws<ArgumentException>(() => AbTests.SampleRatioMismatch([1, 2], [1, 0]));
    }

    [Fact]
    public void Cuped_by_hand()
    {
        // Pooled x = 1,2,3,4,2,3 (mean 2.5), y = 2,4,5,9,5,6: θ = Sxy/Sxx = 23/11; reduction = Sxy²/(Sxx Syy) = ρ² = 0.8961039.
        var r = AbTests.Cuped([2, 4, 5, 9], [1, 2, 3, 4], [5, 6], [2, 3]);
        Assert.Equal(23.0 / 11, r.Theta, 12);
        Assert.Equal(0.8961039, r.VarianceReduction, 1e-6);
        Assert.Equal(5.1363636, r.Control[0], 1e-6);
        Assert.Equal(4.9545455, r.Treatment[1], 1e-6);
    }

    [Fact]
    public void Cuped_keeps_the_difference_and_shrinks_the_interval()
    {
        var rng = new Rng(11);
        const int n = 3000;
        double[] cy = new double[n], cx = new double[n], ty = new double[n], tx = new double[n];
        for (var u = 0; u < n; u++)
        {
            cx[u] = rng.NextGaussian(10, 3);
            cy[u] = cx[u] + rng.NextGaussian(0, 1);
            tx[u] = rng.NextGaussian(10, 3);
            ty[u] = tx[u] + 0.2 + rng.NextGaussian(0, 1);
        }
        var plain = AbTests.MeanDifference(cy, ty);
        var cuped = AbTests.Cuped(cy, cx, ty, tx);
        var adjusted = AbTests.MeanDifference(cuped.Control, cuped.Treatment);
        // ρ² = 9/10 here, so the standard error shrinks about sqrt(10)-fold and the estimate stays near the true 0.2.
        Assert.InRange(cuped.VarianceReduction, 0.88, 0.92);
        Assert.InRange(adjusted.StandardError / plain.StandardError, 0.28, 0.36);
        Assert.InRange(adjusted.Difference.Estimate, 0.2 - 3 * adjusted.StandardError, 0.2 + 3 * adjusted.StandardError);
    }

    [Fact]
    public void Two_sample_bootstrap_agrees_with_welch_for_large_arms()
    {
        var (control, treatment) = GaussianArms(3, 800, 600);
        var welch = AbTests.MeanDifference(control, treatment);
        var boot = Bootstrap.TwoSampleMeanDifferenceInterval(treatment, control, seed: 4);
        var half = welch.Difference.High - welch.Difference.Estimate;
        Assert.Equal(welch.Difference.Estimate, boot.Estimate, 12);
        Assert.Equal(welch.Difference.Low, boot.Low, 0.1 * half);
        Assert.Equal(welch.Difference.High, boot.High, 0.1 * half);
        Assert.Equal(boot, Bootstrap.TwoSampleMeanDifferenceInterval(treatment, control, seed: 4));
    }

    /// <summary>Control ~ N(1, 2²) and treatment ~ N(1.3, 1) per user.</summary>
    private static (double[] Control, double[] Treatment) GaussianArms(ulong seed, int controlUsers, int treatmentUsers)
    {
        var rng = new Rng(seed);
        var control = new double[controlUsers];
        var treatment = new double[treatmentUsers];
        for (var i = 0; i < control.Length; i++)
            control[i] = rng.NextGaussian(1, 2);
        for (var i = 0; i < treatment.Length; i++)
            treatment[i] = rng.NextGaussian(1.3, 1);
        return (control, treatment);
    }

    [Fact]
    public void Ratio_bootstrap_with_unit_denominators_is_the_mean_bootstrap()
    {
        var (control, treatment) = GaussianArms(5, 300, 200);
        var mean = Bootstrap.TwoSampleMeanDifferenceInterval(treatment, control, seed: 6, resamples: 500);
        static double[] Ones(int n) => [.. Enumerable.Repeat(1.0, n)];
        var ratio = Bootstrap.TwoSampleRatioDifferenceInterval(treatment, Ones(200), control, Ones(300), seed: 6, resamples: 500);
        Assert.Equal(mean.Estimate, ratio.Estimate, 12);
        Assert.Equal(mean.Low, ratio.Low);
        Assert.Equal(mean.High, ratio.High);
    }

    [Fact]
    public void Ratio_bootstrap_agrees_with_the_delta_method_for_large_arms()
    {
        var rng = new Rng(7);
        var (cy, cx) = (new double[1500], new double[1500]);
        var (ty, tx) = (new double[1500], new double[1500]);
        for (var u = 0; u < cy.Length; u++)
        {
            cx[u] = 1 + rng.NextInt(20);
            cy[u] = Math.Round(cx[u] * 0.10 * (0.5 + rng.NextDouble()));
            tx[u] = 1 + rng.NextInt(20);
            ty[u] = Math.Round(tx[u] * 0.12 * (0.5 + rng.NextDouble()));
        }
        var delta = AbTests.RatioDifference(cy, cx, ty, tx);
        var boot = Bootstrap.TwoSampleRatioDifferenceInterval(ty, tx, cy, cx, seed: 8);
        var half = delta.Difference.High - delta.Difference.Estimate;
        Assert.Equal(delta.Difference.Estimate, boot.Estimate, 12);
        Assert.Equal(delta.Difference.Low, boot.Low, 0.1 * half);
        Assert.Equal(delta.Difference.High, boot.High, 0.1 * half);
        Assert.True(double.IsNaN(Bootstrap.TwoSampleRatioDifferenceInterval(ty, tx, cy, new double[1500], seed: 8).Low));
    }

    [Fact]
    public void Linearized_ratio_reproduces_the_delta_method_difference_and_error()
    {
        double[] cy = [1, 0, 3, 2, 0, 4], cx = [10, 5, 20, 10, 8, 15];
        double[] ty = [2, 1, 4, 3, 1, 5, 2], tx = [10, 6, 18, 12, 9, 14, 11];
        var l = AbTests.LinearizeRatio([.. cy, .. ty], [.. cx, .. tx]);
        var linear = AbTests.MeanDifference(l[..6], l[6..]);
        var delta = AbTests.RatioDifference(cy, cx, ty, tx);
        // First-order agreement only: x̄ differs between the arms here by about 10%.
        Assert.Equal(delta.Difference.Estimate, linear.Difference.Estimate, 0.15 * delta.Difference.Estimate);
        Assert.Equal(delta.StandardError, linear.StandardError, 0.15 * delta.StandardError);
        Assert.Equal(0, l.Sum(), 1e-12);
    }

    private static Gen<(double[] Control, double[] Treatment)> Arms() =>
        from n in Gen.Choose(2, 40)
        from m in Gen.Choose(2, 40)
        from c in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 10.0), n)
        from t in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 10.0), m)
        select (c, t);

    [Fact]
    public void Mean_difference_properties()
    {
        Properties.Check(Arms(), arms =>
        {
            var r = AbTests.MeanDifference(arms.Control, arms.Treatment);
            var swapped = AbTests.MeanDifference(arms.Treatment, arms.Control);
            if (double.IsNaN(r.PValue))
                return;
            Assert.InRange(r.PValue, 0, 1);
            Assert.True(r.Difference.Low <= r.Difference.Estimate && r.Difference.Estimate <= r.Difference.High);
            // Swapping the arms mirrors the difference and keeps the two-sided p.
            Assert.Equal(-r.Difference.Estimate, swapped.Difference.Estimate, 9);
            Assert.Equal(r.PValue, swapped.PValue, 9);
            Assert.Equal(-r.Difference.High, swapped.Difference.Low, 9);
        }, seed: 21);
    }

    [Fact]
    public void Ratio_difference_properties()
    {
        var gen =
            from n in Gen.Choose(3, 40)
            from m in Gen.Choose(3, 40)
            from cx in Gen.ArrayOf(Gen.Choose(1, 50).Select(v => (double)v), n)
            from tx in Gen.ArrayOf(Gen.Choose(1, 50).Select(v => (double)v), m)
            from seed in Gen.Choose(0, 10_000)
            select (cx, tx, seed);
        Properties.Check(gen, g =>
        {
            var rng = new Rng((ulong)g.seed);
            var cy = Array.ConvertAll(g.cx, x => Math.Floor(x * rng.NextDouble()));
            var ty = Array.ConvertAll(g.tx, x => Math.Floor(x * rng.NextDouble()));
            var r = AbTests.RatioDifference(cy, g.cx, ty, g.tx);
            var swapped = AbTests.RatioDifference(ty, g.tx, cy, g.cx);
            if (double.IsNaN(r.PValue))
                return;
            Assert.InRange(r.PValue, 0, 1);
            Assert.True(r.Difference.Low <= r.Difference.Estimate && r.Difference.Estimate <= r.Difference.High);
            Assert.Equal(-r.Difference.Estimate, swapped.Difference.Estimate, 12);
            Assert.Equal(r.PValue, swapped.PValue, 9);
        }, seed: 22);
    }
}
