using FsCheck;
using FsCheck.Fluent;
using RecLab.Evaluation.Statistics;
using RecLab.Tests.Support;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class PowerAnalysisTests
{
    [Fact]
    public void Sample_size_by_hand()
    {
        // n per arm = 2 (z_.975 + z_.8)² σ² / δ² = 2 · 2.801585² / 0.1² = 1569.776 (statsmodels NormalIndPower().solve_power(0.1, power=0.8) = 1569.78).
        Assert.Equal(2 * 1570, PowerAnalysis.TotalUsers(1, 0.1));
        // Paired: ((1.959964 + 0.841621) · 1 / 0.1)² = 784.89 users.
        Assert.Equal(785, PowerAnalysis.PairedUsers(1, 0.1));
        // Rate 10% (σ² = 0.09), +1 point: 2.801585² · 2 · 0.09 / 0.01² = 14127.98 per arm.
        var plan = PowerAnalysis.Plan(0.1, PowerAnalysis.RateStandardDeviation(0.1), 0.05, 0.8, arms: 2, effect: 0.01);
        Assert.Equal(14128, plan.UsersPerArm);
        Assert.Equal(2 * 14128, plan.TotalUsers);
        Assert.Equal(0.1, plan.RelativeEffect, 9);
        Assert.True(plan.AchievedPower >= 0.8);
        // Three arms: each comparison at α/2 = 0.025: 2 (z_.99375 + z_.8)² 0.09 / 0.01² = 17109.07 per arm.
        var three = PowerAnalysis.Plan(0.1, 0.3, 0.05, 0.8, arms: 3, effect: 0.01);
        Assert.Equal(17110, three.UsersPerArm);
        Assert.Equal(3 * 17110, three.TotalUsers);
        Assert.Equal(0.025, three.ComparisonAlpha, 12);
    }

    [Fact]
    public void Unequal_split_needs_more_users()
    {
        // 1/w + 1/(1 − w) is 4 at w = 1/2 and 1/0.2 + 1/0.8 = 6.25 at w = 0.2.
        var even = PowerAnalysis.TotalUsers(1, 0.1);
        var skewed = PowerAnalysis.TotalUsers(1, 0.1, treatmentShare: 0.2);
        Assert.InRange(skewed / (double)even, 6.25 / 4 - 0.001, 6.25 / 4 + 0.001);
    }

    [Fact]
    public void Power_and_mde_by_hand()
    {
        // se = sqrt(2/400); power = Φ(0.2/se − 1.959964) + Φ(−0.2/se − 1.959964) = 0.8074304.
        Assert.Equal(0.8074304, PowerAnalysis.Power(1, 0.2, 400, 400), 1e-6);
        // MDE = 2.801585 · sqrt(1/1000 + 1/1000) = 0.1252907.
        Assert.Equal(0.1252907, PowerAnalysis.MinimumDetectableEffect(1, 1000, 1000), 1e-6);
        var plan = PowerAnalysis.Plan(5, 2, 0.05, 0.8, arms: 2, usersPerArm: 1000);
        Assert.Equal(2 * 0.1252907, plan.Effect, 1e-5);
        Assert.Equal(0.8, plan.AchievedPower, 3);
    }

    [Fact]
    public void Mde_and_sample_size_are_inverse()
    {
        var gen =
            from sd in Gen.Choose(1, 100).Select(v => v / 10.0)
            from n in Gen.Choose(50, 100_000)
            from powerPct in Gen.Choose(55, 95)
            select (sd, n, power: powerPct / 100.0);
        Properties.Check(gen, g =>
        {
            var mde = PowerAnalysis.MinimumDetectableEffect(g.sd, g.n, g.n, 0.05, g.power);
            Assert.Equal(g.power, PowerAnalysis.Power(g.sd, mde, g.n, g.n), 3);
            var total = PowerAnalysis.TotalUsers(g.sd, mde, 0.05, g.power);
            Assert.InRange(total, 2 * g.n - 1, 2 * g.n + 1);
        }, seed: 31);
    }

    [Fact]
    public void Plan_rejects_both_or_neither_target()
    {
        Assert.Throws<ArgumentException>(() => PowerAnalysis.Plan(1, 1, 0.05, 0.8, 2));
        Assert.Throws<ArgumentException>(() => PowerAnalysis.Plan(1, 1, 0.05, 0.8, 2, effect: 0.1, usersPerArm: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerAnalysis.RateStandardDeviation(1.2));
    }
}
