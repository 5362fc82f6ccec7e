using System.Globalization;
using MathNet.Numerics.Distributions;
using RecLab.Evaluation.Metrics;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Economics;

namespace RecLab.Simulation.Statistics;

/// <summary>
/// Analyses a simulated A/B test with users as the unit: per-user metrics by Welch's t-test, ratio metrics by the delta
/// method (through linearized per-user values, so both share one code path), bootstrap intervals, relative uplift by
/// Fieller's interval, CUPED with the pre-period, Holm's correction over treatment arms, the sample-ratio check, and the
/// daily view with mSPRT always-valid p-values and a warning when a naive daily peek would have stopped early.
/// </summary>
public static class AbAnalysis
{
    /// <summary>The arm regret is measured against: the one serving the world's ground truth (<c>algorithm: oracle</c>).</summary>
    public const string OracleArm = "oracle";

    /// <summary>Analyses a finished run.</summary>
    /// <exception cref="ArgumentException">Unknown metric name or invalid options.</exception>
    public static AbReport Analyze(AbRun run, AbAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= new AbAnalysisOptions();
        options.Validate();
        var arms = run.Arms;
        var totals = arms.Select(a => a.Totals()).ToArray();
        var metrics = Resolve(options.Metrics, totals);
        var warnings = new List<string>();

        SampleRatioTest? srm = null;
        if (arms.Count >= 2)
        {
            var observed = totals.Select(t => t.Count(a => a.Sessions > 0)).ToArray();
            srm = AbTests.SampleRatioMismatch([.. observed.Select(o => (long)o)], [.. arms.Select(a => a.Traffic)]);
            if (srm.Mismatch)
                warnings.Add(Invariant($"Sample ratio mismatch: observed users {string.Join(" / ", observed)} against expected {string.Join(" / ", srm.Expected.Select(e => e.ToString("0", CultureInfo.InvariantCulture)))} (χ² = {srm.ChiSquare:0.0}, p = {srm.PValue:0.####}). Do not trust this test."));
        }

        var cuped = options.Cuped && run.Options.PreDays > 0;
        var estimates = new List<ArmEstimate>();
        var comparisons = new List<MetricComparison>();
        var seed = options.Seed;
        foreach (var metric in metrics)
        {
            var samples = totals.Select(t => Sample.Of(metric, t)).ToArray();
            var pre = cuped ? PrePeriodValues(metric, arms) : null;
            for (var a = 0; a < arms.Count; a++)
                estimates.Add(Estimate(metric.Name, arms[a].Name, samples[a].Values, options.Alpha));
            var family = new List<MetricComparison>();
            for (var a = 1; a < arms.Count; a++)
            {
                var comparison = Compare(metric, arms[a].Name, arms[0].Name, samples[a], samples[0], options.Alpha);
                if (options.BootstrapResamples > 0)
                {
                    var bootSeed = Seeds.Derive(Seeds.Derive(seed, metric.Name), (ulong)a);
                    var interval = metric.Denominator is null
                        ? Bootstrap.TwoSampleMeanDifferenceInterval(samples[a].Y, samples[0].Y, bootSeed, options.BootstrapResamples, 1 - options.Alpha)
                        : Bootstrap.TwoSampleRatioDifferenceInterval(samples[a].Y, samples[a].X, samples[0].Y, samples[0].X, bootSeed,
                            options.BootstrapResamples, 1 - options.Alpha);
                    comparison = comparison with { BootstrapLow = interval.Low, BootstrapHigh = interval.High };
                }
                if (pre is not null)
                    comparison = WithCuped(comparison, samples[a].Values, pre[a], samples[0].Values, pre[0], options.Alpha);
                family.Add(comparison);
            }
            comparisons.AddRange(AdjustFamily(family));
        }

        IReadOnlyList<DailyEstimate> daily = [];
        IReadOnlyList<DailyComparison> dailyComparisons = [];
        if (options.Daily)
        {
            (daily, dailyComparisons) = DailyView(run, metrics, options);
            for (var k = 0; k < comparisons.Count; k++)
                comparisons[k] = WithSequential(comparisons[k], dailyComparisons, run.Days, warnings);
        }

        return new AbReport
        {
            Arms = [.. arms.Select(a => a.Name)],
            Days = run.Days,
            Alpha = options.Alpha,
            Srm = srm,
            Estimates = estimates,
            Comparisons = comparisons,
            Daily = daily,
            DailyComparisons = dailyComparisons,
            Creators = [.. arms.Select((a, i) => Creators(run, i))],
            Regret = Regret(run),
            Warnings = warnings,
        };
    }

    /// <summary>The per-user values a metric is tested on: Y itself, or for ratios the delta-method linearization, plus the raw Y and X.</summary>
    private sealed record Sample(double[] Values, double[] Y, double[] X)
    {
        public static Sample Of(AbMetric metric, IReadOnlyList<UserActivity> users)
        {
            var y = new double[users.Count];
            for (var i = 0; i < y.Length; i++)
                y[i] = metric.Numerator(users[i]);
            if (metric.Denominator is null)
                return new Sample(y, y, []);
            var x = new double[users.Count];
            for (var i = 0; i < x.Length; i++)
                x[i] = metric.Denominator(users[i]);
            // Each arm linearized around its own ratio: Welch's t on these values has AbTests.RatioDifference's estimate
            // and delta-method standard error, but a t rather than a normal reference, and CUPED and the daily view need the values.
            return new Sample(AbTests.LinearizeRatio(y, x, addRatio: true), y, x);
        }
    }

    private static IReadOnlyList<AbMetric> Resolve(IReadOnlyList<string>? names, UserActivity[][] totals)
    {
        if (names is not null)
            return [.. names.Select(AbMetrics.Find)];
        var sponsored = totals.Any(t => t.Any(a => a.SponsoredImpressions > 0));
        return [.. AbMetrics.All.Where(m => sponsored || !AbMetrics.Sponsored.Contains(m))];
    }

    private static ArmEstimate Estimate(string metric, string arm, double[] values, double alpha)
    {
        var s = SampleSummary.Of(values);
        var half = s.Count >= 2 ? StudentT.InvCDF(0, 1, s.Count - 1, 1 - alpha / 2) * s.StandardError : double.NaN;
        return new ArmEstimate(metric, arm, values.Length, s.Mean, s.StandardError, s.Mean - half, s.Mean + half);
    }

    /// <summary>
    /// Difference, its interval and p-value from Welch's test on the (linearized) per-user values; relative uplift by
    /// Fieller's interval with the same t quantile, so it excludes 0 exactly when the test rejects.
    /// </summary>
    private static (double Difference, double Low, double High, double P, double Relative, double RelLow, double RelHigh) Contrast(
        double[] treatment, double[] control, double alpha)
    {
        var welch = SignificanceTests.WelchTTest(treatment, control);
        var t = SampleSummary.Of(treatment);
        var c = SampleSummary.Of(control);
        var se = Math.Sqrt(t.StandardError * t.StandardError + c.StandardError * c.StandardError);
        var q = double.IsFinite(welch.DegreesOfFreedom) && welch.DegreesOfFreedom > 0
            ? StudentT.InvCDF(0, 1, welch.DegreesOfFreedom, 1 - alpha / 2)
            : Normal.InvCDF(0, 1, 1 - alpha / 2);
        var difference = t.Mean - c.Mean;
        var relative = AbTests.RelativeInterval(c.Mean, c.StandardError * c.StandardError, t.Mean, t.StandardError * t.StandardError, q, 1 - alpha);
        return (difference, difference - q * se, difference + q * se, welch.PValue, relative.Estimate, relative.Low, relative.High);
    }

    private static MetricComparison Compare(AbMetric metric, string arm, string control, Sample treatment, Sample baseline, double alpha)
    {
        var r = Contrast(treatment.Values, baseline.Values, alpha);
        return new MetricComparison
        {
            Metric = metric.Name,
            Arm = arm,
            Control = control,
            Test = metric.Kind == MetricKind.Ratio ? "delta" : "welch-t",
            Alpha = alpha,
            ControlValue = SampleSummary.Of(baseline.Values).Mean,
            ArmValue = SampleSummary.Of(treatment.Values).Mean,
            Difference = r.Difference,
            DifferenceLow = r.Low,
            DifferenceHigh = r.High,
            RelativeUplift = r.Relative,
            RelativeLow = r.RelLow,
            RelativeHigh = r.RelHigh,
            PValue = r.P,
        };
    }

    /// <summary>Pre-period values per arm: the metric over the pre-period, linearized over all arms pooled for ratios (null when undefined).</summary>
    private static double[][]? PrePeriodValues(AbMetric metric, IReadOnlyList<ArmRun> arms)
    {
        var all = arms.SelectMany(a => a.PrePeriod).ToArray();
        var pooled = Sample.Of(metric, all).Values;
        if (pooled.Any(double.IsNaN))
            return null;
        var result = new double[arms.Count][];
        var start = 0;
        for (var a = 0; a < arms.Count; a++)
        {
            result[a] = pooled.AsSpan(start, arms[a].Users.Count).ToArray();
            start += arms[a].Users.Count;
        }
        return result;
    }

    private static MetricComparison WithCuped(MetricComparison comparison, double[] treatment, double[] preTreatment, double[] control,
        double[] preControl, double alpha)
    {
        if (treatment.Any(double.IsNaN) || control.Any(double.IsNaN))
            return comparison;
        var cuped = AbTests.Cuped(control, preControl, treatment, preTreatment);
        var r = Contrast(cuped.Treatment, cuped.Control, alpha);
        return comparison with
        {
            CupedTheta = cuped.Theta,
            CupedVarianceReduction = cuped.VarianceReduction,
            CupedDifference = r.Difference,
            CupedLow = r.Low,
            CupedHigh = r.High,
            CupedRelativeUplift = r.Relative,
            CupedRelativeLow = r.RelLow,
            CupedRelativeHigh = r.RelHigh,
            CupedPValue = r.P,
        };
    }

    private static IEnumerable<MetricComparison> AdjustFamily(List<MetricComparison> family)
    {
        var p = MultipleComparisons.Holm([.. family.Select(c => c.PValue)]);
        var cupedP = family.All(c => double.IsNaN(c.CupedPValue))
            ? [.. family.Select(_ => double.NaN)]
            : MultipleComparisons.Holm([.. family.Select(c => c.CupedPValue)]);
        return family.Select((c, k) => c with { AdjustedPValue = p[k], CupedAdjustedPValue = cupedP[k] });
    }

    private static (IReadOnlyList<DailyEstimate>, IReadOnlyList<DailyComparison>) DailyView(AbRun run, IReadOnlyList<AbMetric> metrics,
        AbAnalysisOptions options)
    {
        var arms = run.Arms;
        var running = arms.Select(a => new UserActivity[a.Users.Count]).ToArray();
        var estimates = new List<DailyEstimate>();
        var raw = new List<(string Metric, string Arm, int Day, double Rel, double Var, double Low, double High, double P)>();
        var planningValues = new Dictionary<string, double[]>();
        for (var d = 0; d < run.Days; d++)
        {
            for (var a = 0; a < arms.Count; a++)
                for (var k = 0; k < running[a].Length; k++)
                    running[a][k].Add(arms[a].Activity(k, d));
            foreach (var metric in metrics)
            {
                var samples = running.Select(r => Sample.Of(metric, r).Values).ToArray();
                if (d == 0)
                    planningValues[metric.Name] = PlanningValues(metric, arms) ?? samples[0];
                for (var a = 0; a < arms.Count; a++)
                {
                    var e = Estimate(metric.Name, arms[a].Name, samples[a], options.Alpha);
                    estimates.Add(new DailyEstimate(metric.Name, arms[a].Name, d, e.Value, e.Low, e.High));
                }
                var control = SampleSummary.Of(samples[0]);
                for (var a = 1; a < arms.Count; a++)
                {
                    var r = Contrast(samples[a], samples[0], options.Alpha);
                    var t = SampleSummary.Of(samples[a]);
                    // The difference scaled by today's control mean, with the difference's own variance: its z is the
                    // difference test's, so the always-valid p never claims what the fixed-horizon test cannot see. (The
                    // delta-method variance of the ratio, evaluated at a tiny treatment mean, shrinks the control's part
                    // and once drove a ROAS always-valid p to 1e-19 beside a fixed-horizon p of 0.02.)
                    var variance = (t.StandardError * t.StandardError + control.StandardError * control.StandardError) / (control.Mean * control.Mean);
                    raw.Add((metric.Name, arms[a].Name, d, r.Relative, variance, r.RelLow, r.RelHigh, r.P));
                }
            }
        }
        var comparisons = new List<DailyComparison>();
        foreach (var series in raw.GroupBy(x => (x.Metric, x.Arm)))
        {
            var list = series.OrderBy(x => x.Day).ToList();
            var arm = arms.First(a => a.Name == series.Key.Arm);
            var tau = options.MsprtTau ?? PlannedRelativeEffect(planningValues[series.Key.Metric], arms[0].Users.Count, arm.Users.Count, options.Alpha);
            var valid = AlwaysValid(list.Select(x => (x.Rel, x.Var)), tau);
            for (var k = 0; k < list.Count; k++)
                comparisons.Add(new DailyComparison(list[k].Metric, list[k].Arm, list[k].Day, list[k].Rel, list[k].Low, list[k].High,
                    list[k].P, valid[k]));
        }
        return (estimates, comparisons);
    }

    /// <summary>
    /// Per-user values to plan the sequential test with, known before its first look: the pre-period's (every arm was
    /// served by control then) when there is a usable one, else null (the caller takes the control arm's first day).
    /// </summary>
    private static double[]? PlanningValues(AbMetric metric, IReadOnlyList<ArmRun> arms)
    {
        if (arms.Count == 0 || arms.All(a => a.PrePeriod.All(u => u.Sessions == 0)))
            return null;
        var values = Sample.Of(metric, [.. arms.SelectMany(a => a.PrePeriod)]).Values;
        return values.Any(double.IsNaN) ? null : values;
    }

    /// <summary>
    /// τ of the mSPRT mixture: the relative uplift the planned arms detect with 80% power,
    /// <c>(z_{1−α/2} + z_{0.8}) · CV · sqrt(1/n_C + 1/n_T)</c> with the planning values' coefficient of variation;
    /// 5% when they have no spread or a zero mean.
    /// </summary>
    private static double PlannedRelativeEffect(double[] planning, int controlUsers, int treatmentUsers, double alpha)
    {
        var s = SampleSummary.Of(planning);
        if (!(s.StandardDeviation > 0) || !(Math.Abs(s.Mean) > 0) || controlUsers < 1 || treatmentUsers < 1)
            return 0.05;
        var relativeError = s.StandardDeviation / Math.Abs(s.Mean) * Math.Sqrt(1.0 / controlUsers + 1.0 / treatmentUsers);
        return PowerAnalysis.MinimumDetectableEffectFromStandardError(relativeError, alpha);
    }

    /// <summary>mSPRT always-valid p-values of a daily series: <c>p_d = min(1, p_{d−1}, 1/Λ_d)</c>.</summary>
    private static double[] AlwaysValid(IEnumerable<(double Estimate, double Variance)> looks, double tau)
    {
        var p = new List<double>();
        var running = 1.0;
        foreach (var (estimate, variance) in looks)
        {
            var lr = SequentialTests.MixtureLikelihoodRatio(estimate, variance, tau * tau);
            if (!double.IsNaN(lr))
                running = Math.Min(running, Math.Min(1, 1 / lr));
            p.Add(running);
        }
        return [.. p];
    }

    private static MetricComparison WithSequential(MetricComparison comparison, IReadOnlyList<DailyComparison> daily, int days, List<string> warnings)
    {
        var series = daily.Where(d => d.Metric == comparison.Metric && d.Arm == comparison.Arm).OrderBy(d => d.Day).ToList();
        if (series.Count == 0)
            return comparison;
        var naive = series.FirstOrDefault(d => d.PValue < comparison.Alpha);
        var valid = series.FirstOrDefault(d => d.AlwaysValidPValue < comparison.Alpha);
        if (naive is not null && naive.Day < days - 1 && !(comparison.PValue < comparison.Alpha))
            warnings.Add(Invariant($"Peeking: on {comparison.Metric}, '{comparison.Arm}' vs '{comparison.Control}' looked significant on day {naive.Day + 1} (p = {naive.PValue:0.####}), but at the planned end p = {comparison.PValue:0.####} and the always-valid p = {series[^1].AlwaysValidPValue:0.####}: a naive daily peek would have stopped early on noise."));
        return comparison with
        {
            AlwaysValidPValue = series[^1].AlwaysValidPValue,
            FirstNaiveSignificantDay = naive?.Day,
            FirstAlwaysValidDay = valid?.Day,
        };
    }

    /// <summary>Cumulative regret in clicks per user of every arm against the oracle arm, per day.</summary>
    private static IReadOnlyList<RegretPoint> Regret(AbRun run)
    {
        var oracle = run.Arms.FirstOrDefault(a => a.Name == OracleArm);
        if (oracle is null || oracle.Users.Count == 0)
            return [];
        static double ClicksPerUser(ArmRun arm, int day)
        {
            var sum = 0.0;
            for (var k = 0; k < arm.Users.Count; k++)
                sum += arm.Activity(k, day).Clicks;
            return arm.Users.Count == 0 ? double.NaN : sum / arm.Users.Count;
        }
        var best = Enumerable.Range(0, run.Days).Select(d => ClicksPerUser(oracle, d)).ToArray();
        var points = new List<RegretPoint>();
        foreach (var arm in run.Arms.Where(a => a != oracle))
        {
            var total = 0.0;
            for (var d = 0; d < run.Days; d++)
            {
                total += best[d] - ClicksPerUser(arm, d);
                points.Add(new RegretPoint(arm.Name, d, total));
            }
        }
        return points;
    }

    private static CreatorExposure Creators(AbRun run, int arm)
    {
        var world = run.World;
        var a = run.Arms[arm];
        var factor = 1 + run.Options.Arms[arm].RevenueEffect;
        var commission = run.Options.Economics.CreatorCommission;
        var impressions = new double[world.Creators.Count];
        var payouts = new double[world.Creators.Count];
        var shown = 0;
        var itemImpressions = a.ItemImpressions;
        var itemPurchases = a.ItemPurchases;
        for (var i = 0; i < itemImpressions.Length; i++)
        {
            var c = world.Items.Creator(i);
            impressions[c] += itemImpressions[i];
            payouts[c] += commission * itemPurchases[i] * world.Items.Price(i) * factor;
            if (itemImpressions[i] > 0)
                shown++;
        }
        var channels = a.ChannelImpressions;
        for (var c = 0; c < payouts.Length; c++)
            payouts[c] += channels[c] * world.Creators.FeePerThousand(c) / 1000.0;
        var reached = impressions.Count(x => x > 0);
        return new CreatorExposure(a.Name, impressions.Length, reached, (double)reached / impressions.Length,
            Gini.Index(impressions), Concentration.TopShare(impressions, 0.01), payouts.Sum(), Gini.Index(payouts),
            (double)shown / itemImpressions.Length);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
