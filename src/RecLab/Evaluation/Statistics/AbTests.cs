using MathNet.Numerics.Distributions;

namespace RecLab.Evaluation.Statistics;

/// <summary>
/// Statistics of an online A/B test, with the user as the unit: every function takes one value (or one numerator
/// and denominator) per user of each arm. Clicks within a user are correlated, so impressions are never treated
/// as independent observations. NaN values are skipped (pairwise for ratio metrics).
/// </summary>
public static class AbTests
{
    /// <summary>Default confidence level.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>
    /// Difference of per-user means (revenue per user, clicks per user, sessions) by Welch's t-test
    /// (<see cref="SignificanceTests.WelchTTest"/>): interval <c>Δ ± t_{ν, (1+level)/2} · sqrt(s_T²/n_T + s_C²/n_C)</c>
    /// with the Welch–Satterthwaite ν (R: <c>t.test(treatment, control)</c>; SciPy: <c>ttest_ind(t, c, equal_var=False)</c>).
    /// The relative uplift <c>m_T / m_C − 1</c> gets Fieller's interval (<see cref="RelativeInterval"/>) with the same t
    /// quantile, so it excludes 0 exactly when the test rejects.
    /// </summary>
    public static AbComparison MeanDifference(ReadOnlySpan<double> control, ReadOnlySpan<double> treatment, double level = DefaultLevel)
    {
        CheckLevel(level);
        var c = SampleSummary.Of(control);
        var t = SampleSummary.Of(treatment);
        var welch = SignificanceTests.WelchTTest(treatment, control);
        var varC = Square(c.StandardError);
        var varT = Square(t.StandardError);
        var se = Math.Sqrt(varC + varT);
        var q = double.IsFinite(welch.DegreesOfFreedom) && welch.DegreesOfFreedom > 0
            ? StudentT.InvCDF(0, 1, welch.DegreesOfFreedom, (1 + level) / 2)
            : double.NaN;
        var difference = new ConfidenceInterval(welch.MeanDifference, welch.MeanDifference - q * se, welch.MeanDifference + q * se, level);
        return new AbComparison("welch-t", c.Mean, t.Mean, se, welch.Statistic, welch.PValue, difference,
            RelativeInterval(c.Mean, varC, t.Mean, varT, q, level), c.Count, t.Count)
        {
            DegreesOfFreedom = welch.DegreesOfFreedom,
        };
    }

    /// <summary>
    /// Difference of a ratio metric between arms: each arm's <c>R = Σ numerator / Σ denominator</c> over its users
    /// (CTR = clicks / impressions, conversion = purchases / clicks, ROAS = revenue / ad cost), with the delta-method
    /// variance <c>Var(R) ≈ (s_y² − 2R s_xy + R² s_x²) / (n x̄²)</c> per arm (Deng, Knoblich and Lu 2018), a z-test,
    /// a normal interval for the difference and Fieller's interval for the relative uplift <c>R_T / R_C − 1</c>
    /// (<see cref="RelativeInterval"/> with the normal quantile, so it excludes 0 exactly when the z-test rejects).
    /// </summary>
    /// <remarks>Users whose denominator is 0 still count: they add to n and to the spread, as they should.</remarks>
    public static AbComparison RatioDifference(ReadOnlySpan<double> controlNumerators, ReadOnlySpan<double> controlDenominators,
        ReadOnlySpan<double> treatmentNumerators, ReadOnlySpan<double> treatmentDenominators, double level = DefaultLevel)
    {
        CheckLevel(level);
        var c = RatioMoments.Of(controlNumerators, controlDenominators);
        var t = RatioMoments.Of(treatmentNumerators, treatmentDenominators);
        var diff = t.Ratio - c.Ratio;
        var se = Math.Sqrt(c.Variance + t.Variance);
        var z = EffectSize.Ratio(diff, se);
        var p = double.IsNaN(z) ? double.NaN : double.IsInfinity(z) ? 0 : Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        return new AbComparison("delta-ratio", c.Ratio, t.Ratio, se, z, p, NormalInterval(diff, se, level),
            RelativeInterval(c.Ratio, c.Variance, t.Ratio, t.Variance, Normal.InvCDF(0, 1, (1 + level) / 2), level), c.Count, t.Count);
    }

    /// <summary>The ratio <c>Σ numerator / Σ denominator</c> over users with its delta-method normal interval.</summary>
    public static ConfidenceInterval RatioInterval(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, double level = DefaultLevel)
    {
        CheckLevel(level);
        var r = RatioMoments.Of(numerators, denominators);
        return NormalInterval(r.Ratio, Math.Sqrt(r.Variance), level);
    }

    /// <summary>
    /// Sample-ratio-mismatch check: Pearson's chi-square of the observed users per arm against the planned split,
    /// <c>χ² = Σ (O_k − E_k)² / E_k</c> with <c>E_k = N w_k / Σ w</c> and k − 1 degrees of freedom
    /// (R: <c>chisq.test(observed, p = weights / sum(weights))</c>; SciPy: <c>chisquare(observed, expected)</c>).
    /// A tiny p-value (the usual alarm is p &lt; 0.001) means the assignment or the logging is broken, and the
    /// test's other results should not be trusted.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two arms, mismatched lengths, negative counts or non-positive weights.</exception>
    public static SampleRatioTest SampleRatioMismatch(ReadOnlySpan<long> observed, ReadOnlySpan<double> plannedWeights)
    {
        if (observed.Length != plannedWeights.Length)
            throw new ArgumentException($"One planned weight per arm: {observed.Length} arms against {plannedWeights.Length} weights.", nameof(plannedWeights));
        if (observed.Length < 2)
            throw new ArgumentException("A sample-ratio check needs at least two arms.", nameof(observed));
        double total = 0, weightSum = 0;
        for (var k = 0; k < observed.Length; k++)
        {
            if (observed[k] < 0)
                throw new ArgumentException($"Arm {k} has a negative count ({observed[k]}).", nameof(observed));
            if (!(plannedWeights[k] > 0) || !double.IsFinite(plannedWeights[k]))
                throw new ArgumentException($"Arm {k} has planned weight {plannedWeights[k]}; weights must be positive.", nameof(plannedWeights));
            total += observed[k];
            weightSum += plannedWeights[k];
        }
        var expected = new double[observed.Length];
        var chi = 0.0;
        for (var k = 0; k < observed.Length; k++)
        {
            expected[k] = total * plannedWeights[k] / weightSum;
            if (expected[k] > 0)
                chi += Square(observed[k] - expected[k]) / expected[k];
        }
        var df = observed.Length - 1;
        // The survival function Q(df/2, χ²/2) directly: 1 − CDF underflows to 0 from about χ² = 75 (df 1).
        var p = total == 0 || chi == 0 ? 1.0 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, chi / 2);
        return new SampleRatioTest(chi, df, p, expected);
    }

    /// <summary>
    /// CUPED (Deng, Xu, Kohavi and Walker 2013): <c>y' = y − θ (x − x̄)</c> with the pre-period covariate x and
    /// <c>θ = cov(x, y) / var(x)</c> estimated on both arms pooled (x̄ the pooled mean), which keeps the adjusted
    /// difference unbiased. Compare the adjusted values with <see cref="MeanDifference"/>; the variance of the
    /// metric shrinks by the fraction <c>1 − var(y') / var(y)</c> (about ρ², the squared correlation of x and y).
    /// Users with a NaN in y or x stay NaN.
    /// </summary>
    public static CupedAdjustment Cuped(ReadOnlySpan<double> controlOutcomes, ReadOnlySpan<double> controlCovariates,
        ReadOnlySpan<double> treatmentOutcomes, ReadOnlySpan<double> treatmentCovariates)
    {
        if (controlOutcomes.Length != controlCovariates.Length || treatmentOutcomes.Length != treatmentCovariates.Length)
            throw new ArgumentException("Each user needs one outcome and one pre-period covariate.");
        var mean = new CrossMoments();
        mean.AddMeans(controlOutcomes, controlCovariates);
        mean.AddMeans(treatmentOutcomes, treatmentCovariates);
        mean.AddSpread(controlOutcomes, controlCovariates);
        mean.AddSpread(treatmentOutcomes, treatmentCovariates);
        var theta = mean.Sxx > 0 ? mean.Sxy / mean.Sxx : 0.0;
        var mx = mean.MeanX;
        var control = Adjust(controlOutcomes, controlCovariates, theta, mx);
        var treatment = Adjust(treatmentOutcomes, treatmentCovariates, theta, mx);
        // var(y') = Syy − 2θSxy + θ²Sxx over the same pooled users.
        var adjusted = mean.Syy - 2 * theta * mean.Sxy + theta * theta * mean.Sxx;
        var reduction = mean.Syy > 0 ? 1 - adjusted / mean.Syy : 0.0;
        return new CupedAdjustment(theta, control, treatment, reduction);
    }

    /// <summary>
    /// The per-user linearization of a ratio metric, <c>ℓ_u = (y_u − R x_u) / x̄</c> with <c>R = Σy / Σx</c> and x̄ over
    /// every user given (both arms): the difference of the arms' mean ℓ is the ratio difference to first order, and its
    /// Welch variance is the delta-method variance, so per-user tools (CUPED with the pre-period ℓ, sequential tests)
    /// apply to ratio metrics (Deng, Knoblich and Lu 2018). Users with a NaN stay NaN.
    /// </summary>
    /// <param name="numerators">Numerator per user.</param>
    /// <param name="denominators">Denominator per user.</param>
    /// <param name="addRatio">
    /// Return <c>R + ℓ_u</c> instead, whose mean is R itself: linearizing each arm on its own gives per-user values whose
    /// mean is the arm's ratio and whose variance over n is the arm's delta-method variance.
    /// </param>
    public static double[] LinearizeRatio(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, bool addRatio = false)
    {
        var moments = RatioMoments.Of(numerators, denominators);
        var offset = addRatio ? moments.Ratio : 0.0;
        var output = new double[numerators.Length];
        for (var u = 0; u < output.Length; u++)
            output[u] = offset + (numerators[u] - moments.Ratio * denominators[u]) / moments.MeanDenominator;
        return output;
    }

    /// <summary>
    /// Relative difference <c>m_T / m_C − 1</c> of two independent estimates and its delta-method variance
    /// <c>v_T / m_C² + m_T² v_C / m_C⁴</c> (infinite or NaN when <paramref name="control"/> is 0).
    /// </summary>
    public static (double Relative, double Variance) RelativeDifference(double control, double controlVariance, double treatment, double treatmentVariance) =>
        (treatment / control - 1, treatmentVariance / Square(control) + Square(treatment) * controlVariance / Square(Square(control)));

    internal static ConfidenceInterval NormalInterval(double estimate, double standardError, double level)
    {
        var z = Normal.InvCDF(0, 1, (1 + level) / 2);
        return new ConfidenceInterval(estimate, estimate - z * standardError, estimate + z * standardError, level);
    }

    /// <summary>
    /// Fieller's confidence interval for the relative difference <c>ρ − 1</c>, <c>ρ = μ_T / μ_C</c>, of two independent
    /// estimates <c>m_T</c>, <c>m_C</c> with variances <c>v_T</c>, <c>v_C</c>: the set of ρ with
    /// <c>(m_T − ρ m_C)² ≤ q² (v_T + ρ² v_C)</c>, i.e. the ratios a test of <c>μ_T − ρ μ_C = 0</c> at critical value
    /// <paramref name="criticalValue"/> does not reject. At ρ = 1 that test is the difference test, so with the test's own
    /// quantile the interval excludes 0 exactly when the difference test rejects (the delta-method interval does not:
    /// it is symmetric where the ratio's distribution is skewed). The bounds solve
    /// <c>a ρ² − 2 m_T m_C ρ + c = 0</c> with <c>a = m_C² − q² v_C</c>, <c>c = m_T² − q² v_T</c>.
    /// </summary>
    /// <remarks>
    /// A/B metrics are non-negative, so ρ ≥ 0 and the set is cut at −100% (no coverage is lost). When the control is
    /// not significantly above 0 (<c>a ≤ 0</c>) the set is unbounded: the interval is the ray holding the estimate
    /// (the upper bound is +∞). NaN when the control is 0 or an input is NaN (R: <c>mratios::gsci.ratio</c>; the form of
    /// Fieller 1954 for independent means).
    /// </remarks>
    public static ConfidenceInterval RelativeInterval(double control, double controlVariance, double treatment, double treatmentVariance,
        double criticalValue, double level)
    {
        var nan = new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level);
        if (!(control != 0) || double.IsNaN(treatment) || !(controlVariance >= 0) || !(treatmentVariance >= 0) || !(criticalValue > 0))
            return control != 0 && !double.IsNaN(treatment) ? nan with { Estimate = treatment / control - 1 } : nan;
        var estimate = treatment / control;
        var q2 = criticalValue * criticalValue;
        var a = control * control - q2 * controlVariance;
        var c = treatment * treatment - q2 * treatmentVariance;
        var b = treatment * control;
        double low, high;
        var discriminant = b * b - a * c;
        if (a > 0)
        {
            var root = Math.Sqrt(Math.Max(0, discriminant));
            (low, high) = ((b - root) / a, (b + root) / a);
        }
        else if (discriminant > 0 && a < 0)
        {
            // The complement of the roots' interval: (−∞, r1] ∪ [r2, ∞); keep the ray that holds the estimate.
            var root = Math.Sqrt(discriminant);
            var (r1, r2) = ((b + root) / a, (b - root) / a);
            (low, high) = estimate <= r1 ? (double.NegativeInfinity, r1) : (r2, double.PositiveInfinity);
        }
        else
        {
            (low, high) = (double.NegativeInfinity, double.PositiveInfinity);
        }
        if (estimate >= 0)
            low = Math.Max(low, 0);
        return new ConfidenceInterval(estimate - 1, low - 1, high - 1, level);
    }

    private static double[] Adjust(ReadOnlySpan<double> y, ReadOnlySpan<double> x, double theta, double meanX)
    {
        var output = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
            output[i] = y[i] - theta * (x[i] - meanX);
        return output;
    }

    private static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
    }

    private static double Square(double x) => x * x;
}
