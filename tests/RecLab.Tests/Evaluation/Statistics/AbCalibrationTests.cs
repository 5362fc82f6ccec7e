using System.Diagnostics;
using RecLab.Data.Synthetic;
using RecLab.Evaluation.Statistics;

namespace RecLab.Tests.Evaluation.Statistics;

/// <summary>
/// The A/B statistics calibrated on the synthetic world's logged users (<c>small</c> as it is, 5,000 users, CTR measured
/// on the quarter whose impressions the log keeps). Days 0–13 are the pre-period (the CUPED covariate), days
/// 14–27 the experiment. An A/A test re-salts the user-to-arm hash over the same users; an injected effect thins the treatment
/// users' clicks (with their purchases), a true causal drop.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AbCalibrationTests
{
    private const double Alpha = 0.05;
    private const int AaTests = 1000;
    private const int PowerTests = 500;

    // The default world: CTR rests on the quarter of users whose impressions are kept, about 600 per arm.
    private static readonly Lazy<World> DefaultWorld = new(() => World.Generate(WorldOptions.Small));

    private static readonly Lazy<(WorldOutcomes Pre, WorldOutcomes During)> Outcomes = new(() =>
    {
        var world = DefaultWorld.Value;
        return (new WorldOutcomes(world, 0, 14), new WorldOutcomes(world, 14, 28));
    });

    private delegate double Analysis(bool[] treatment, double[] clicks, double[] purchases, double[] revenue);

    private static IReadOnlyList<(string Name, Analysis Test)> Analyses(WorldOutcomes pre, WorldOutcomes during)
    {
        var preCtr = AbTests.LinearizeRatio(pre.Clicks, pre.Impressions);
        var preConversion = AbTests.LinearizeRatio(pre.Purchases, pre.Clicks);
        return
        [
            ("revenue per user", (t, c, p, r) => Mean(r, t)),
            ("revenue per user, CUPED", (t, c, p, r) => Cuped(r, pre.Revenue, t)),
            ("clicks per user", (t, c, p, r) => Mean(c, t)),
            ("clicks per user, CUPED", (t, c, p, r) => Cuped(c, pre.Clicks, t)),
            ("CTR (delta)", (t, c, p, r) => Ratio(c, during.Impressions, t)),
            ("CTR (linearized), CUPED", (t, c, p, r) => Cuped(AbTests.LinearizeRatio(c, during.Impressions), preCtr, t)),
            ("conversion (delta)", (t, c, p, r) => Ratio(p, c, t)),
            ("conversion (linearized), CUPED", (t, c, p, r) => Cuped(AbTests.LinearizeRatio(p, c), preConversion, t)),
        ];
    }

    private static double Mean(double[] y, bool[] t)
    {
        var (c, tr) = WorldOutcomes.Split(y, t);
        return AbTests.MeanDifference(c, tr).PValue;
    }

    private static double Ratio(double[] num, double[] den, bool[] t)
    {
        var (cn, tn) = WorldOutcomes.Split(num, t);
        var (cd, td) = WorldOutcomes.Split(den, t);
        return AbTests.RatioDifference(cn, cd, tn, td).PValue;
    }

    private static double Cuped(double[] y, double[] x, bool[] t) => CupedComparison(y, x, t).PValue;

    private static AbComparison CupedComparison(double[] y, double[] x, bool[] t)
    {
        var (cy, ty) = WorldOutcomes.Split(y, t);
        var (cx, tx) = WorldOutcomes.Split(x, t);
        var adjusted = AbTests.Cuped(cy, cx, ty, tx);
        return AbTests.MeanDifference(adjusted.Control, adjusted.Treatment);
    }

    [Fact]
    public void A_a_tests_reject_at_the_nominal_rate_for_every_metric_with_and_without_cuped()
    {
        var stopwatch = Stopwatch.StartNew();
        var (pre, during) = Outcomes.Value;
        var analyses = Analyses(pre, during);
        var rejections = new int[analyses.Count];
        var srmAlarms = 0;
        for (var s = 0; s < AaTests; s++)
        {
            var treatment = WorldOutcomes.Assign(during.Users, salt: 1000 + (ulong)s);
            for (var m = 0; m < analyses.Count; m++)
                if (analyses[m].Test(treatment, during.Clicks, during.Purchases, during.Revenue) < Alpha)
                    rejections[m]++;
            var treated = treatment.Count(x => x);
            srmAlarms += AbTests.SampleRatioMismatch([during.Users - treated, treated], [1, 1]).Mismatch ? 1 : 0;
        }
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"A/A false-positive rate at alpha {Alpha} over {AaTests} re-salted splits of {during.Users} users (synthetic:small, days 14-27):");
        for (var m = 0; m < analyses.Count; m++)
            output?.WriteLine($"  {analyses[m].Name,-34} {rejections[m] / (double)AaTests:P1}");
        output?.WriteLine($"  sample-ratio alarms (p < 0.001): {srmAlarms}; {stopwatch.Elapsed.TotalSeconds:0.0} s");
        for (var m = 0; m < analyses.Count; m++)
            Assert.InRange(rejections[m] / (double)AaTests, 0.03, 0.07);
        Assert.InRange(srmAlarms, 0, 5);
    }

    [Fact]
    public void Cuped_cuts_the_variance_of_clicks_and_ctr_and_barely_that_of_rare_revenue()
    {
        var (pre, during) = Outcomes.Value;
        var treatment = WorldOutcomes.Assign(during.Users, salt: 7);
        var revenue = Reduction(during.Revenue, pre.Revenue, treatment);
        var clicks = Reduction(during.Clicks, pre.Clicks, treatment);
        var ctr = Reduction(AbTests.LinearizeRatio(during.Clicks, during.Impressions), AbTests.LinearizeRatio(pre.Clicks, pre.Impressions), treatment);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"CUPED variance reduction with the 14-day pre-period: revenue per user {revenue:P1}, clicks per user {clicks:P1}, CTR {ctr:P1}");
        // Measured 51.5% and 45.4%: how often users click carries over from one fortnight to the next.
        Assert.InRange(clicks, 0.3, 0.8);
        Assert.InRange(ctr, 0.25, 0.7);
        // Measured 0.1%: at real conversion rates a user buys about once in three months, so last fortnight's revenue
        // says next to nothing about this one's (it cannot add variance: θ is the least-squares fit).
        Assert.InRange(revenue, 0, 0.05);
    }

    // CUPED residuals y − θ(x − x̄) over one population (θ from that population).
    private static double[] Residual(double[] y, double[] x) => AbTests.Cuped(y, x, [], []).Control;

    private static double Reduction(double[] y, double[] x, bool[] t)
    {
        var (cy, ty) = WorldOutcomes.Split(y, t);
        var (cx, tx) = WorldOutcomes.Split(x, t);
        return AbTests.Cuped(cy, cx, ty, tx).VarianceReduction;
    }

    [Fact]
    public void Detection_rate_of_an_injected_effect_matches_the_planned_power()
    {
        var stopwatch = Stopwatch.StartNew();
        var (pre, during) = Outcomes.Value;
        var half = during.Users / 2.0;
        // CTR is defined for the users whose impressions the log keeps (a quarter of them): its arms are that much smaller.
        var keptHalf = during.Impressions.Count(double.IsFinite) / 2.0;
        var ctrBase = AbTests.RatioInterval(during.Clicks, during.Impressions).Estimate;
        var everyone = new bool[during.Users];
        Array.Fill(everyone, true);
        var preCtr = AbTests.LinearizeRatio(pre.Clicks, pre.Impressions);
        // Each case: the analysed per-user values of a whole population (to plan with their spread) and the test.
        var cases = new (string Name, Func<double[], double[], double[]> Values, double Baseline, double Users, Analysis Test)[]
        {
            ("clicks per user", (c, r) => c, during.Clicks.Average(), half, (t, c, p, r) => Mean(c, t)),
            ("clicks per user, CUPED", (c, r) => Residual(c, pre.Clicks), during.Clicks.Average(), half, (t, c, p, r) => Cuped(c, pre.Clicks, t)),
            ("revenue per user", (c, r) => r, during.Revenue.Average(), half, (t, c, p, r) => Mean(r, t)),
            ("CTR (delta)", (c, r) => AbTests.LinearizeRatio(c, during.Impressions), ctrBase, keptHalf, (t, c, p, r) => Ratio(c, during.Impressions, t)),
            ("CTR, CUPED", (c, r) => Residual(AbTests.LinearizeRatio(c, during.Impressions), preCtr), ctrBase, keptHalf,
                (t, c, p, r) => Cuped(AbTests.LinearizeRatio(c, during.Impressions), preCtr, t)),
        };
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Detection of a click-thinning effect sized for 80% power at the control spread, {PowerTests} splits each:");
        var failures = new List<string>();
        foreach (var (name, values, baseline, users, test) in cases)
        {
            // The relative drop d whose absolute effect d·baseline has 80% power at the control arm's spread.
            var controlSd = WorldOutcomes.StandardDeviation(values(during.Clicks, during.Revenue));
            var drop = PowerAnalysis.MinimumDetectableEffect(controlSd, users, users, Alpha, 0.8) / baseline;
            // Thinning also shrinks the treatment arm's spread; plan with both arms' spreads (equal arms: the mean variance).
            var (tc, _, tr) = during.Thinned(everyone, drop, seed: 1);
            var treatmentSd = WorldOutcomes.StandardDeviation(values(tc, tr));
            var planned = PowerAnalysis.Power(Math.Sqrt((controlSd * controlSd + treatmentSd * treatmentSd) / 2), drop * baseline, users, users, Alpha);
            var detected = 0;
            for (var s = 0; s < PowerTests; s++)
            {
                var treatment = WorldOutcomes.Assign(during.Users, salt: 5000 + (ulong)s);
                var (c, p, r) = during.Thinned(treatment, drop, seed: 9000 + (ulong)s);
                if (test(treatment, c, p, r) < Alpha)
                    detected++;
            }
            var rate = detected / (double)PowerTests;
            var line = $"  {name,-24} drop {drop:P2}: planned power {planned:P1}, detected {rate:P1}";
            output?.WriteLine(line);
            if (Math.Abs(rate - planned) > 0.05)
                failures.Add(line);
        }
        output?.WriteLine($"  {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(failures);
    }

    [Fact]
    public void Daily_peeking_inflates_a_a_rejections_and_the_always_valid_p_value_does_not()
    {
        var world = DefaultWorld.Value;
        var (pre, during) = Outcomes.Value;
        var days = new WorldOutcomes[14];
        for (var d = 0; d < days.Length; d++)
            days[d] = new WorldOutcomes(world, 14, 15 + d);
        // τ = the 80%-power effect of 14 days planned from the 14-day pre-period, known before the first look: the mixture
        // centred on effects the test is designed for (AbAnalysis plans it the same way).
        var sd = WorldOutcomes.StandardDeviation(pre.Clicks);
        var tau = PowerAnalysis.MinimumDetectableEffect(sd, during.Users / 2.0, during.Users / 2.0, Alpha, 0.8);
        int naive = 0, valid = 0, final = 0, warnings = 0;
        const int tests = 300;
        for (var s = 0; s < tests; s++)
        {
            var treatment = WorldOutcomes.Assign(during.Users, salt: 20_000 + (ulong)s);
            var control = new List<double[]>();
            var treated = new List<double[]>();
            foreach (var day in days)
            {
                var (c, t) = WorldOutcomes.Split(day.Clicks, treatment);
                control.Add(c);
                treated.Add(t);
            }
            var report = SequentialTests.Monitor(control, treated, Alpha, tau * tau);
            naive += report.NaiveStop is null ? 0 : 1;
            valid += report.AlwaysValidStop is null ? 0 : 1;
            final += report.Looks[^1].PValue < Alpha ? 1 : 0;
            warnings += report.PeekingWarning ? 1 : 0;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A/A clicks per user, 14 daily looks, {tests} splits: naive peek rejects {naive / (double)tests:P1}, " +
            $"final look alone {final / (double)tests:P1}, always-valid (mSPRT) {valid / (double)tests:P1}, peeking warnings {warnings}");
        Assert.True(naive > final, "peeking should reject more often than the single final look");
        Assert.InRange(valid / (double)tests, 0, 0.07);
        Assert.Equal(pre.Users, during.Users);
    }
}
