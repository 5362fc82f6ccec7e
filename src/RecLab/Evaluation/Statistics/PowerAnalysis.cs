using MathNet.Numerics.Distributions;

namespace RecLab.Evaluation.Statistics;

/// <summary>
/// Power and sample size of a planned A/B test comparing per-user means with a two-sided z-test (the large-sample
/// form of Welch's test), assuming the same per-user standard deviation σ in both arms. With n_C control and n_T
/// treatment users the difference has standard error <c>se = σ sqrt(1/n_C + 1/n_T)</c>, and
/// <c>power = Φ(δ/se − z_{1−α/2}) + Φ(−δ/se − z_{1−α/2})</c>. For a conversion-type rate p use
/// <see cref="RateStandardDeviation"/>, σ = sqrt(p(1 − p)).
/// </summary>
/// <remarks>
/// The same formulas as R's <c>power.t.test</c> with a normal quantile in place of the t quantile (the difference is
/// below one user per arm from about 30 users per arm), and as statsmodels' <c>NormalIndPower</c> with
/// <c>ratio = n_T / n_C</c>.
/// </remarks>
public static class PowerAnalysis
{
    /// <summary>Standard deviation of a per-user 0/1 outcome with rate <paramref name="rate"/>: sqrt(p(1 − p)).</summary>
    public static double RateStandardDeviation(double rate)
    {
        if (!(rate > 0 && rate < 1))
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate must lie strictly between 0 and 1.");
        return Math.Sqrt(rate * (1 - rate));
    }

    /// <summary>Power to detect an absolute difference <paramref name="effect"/> with the given users per arm.</summary>
    public static double Power(double standardDeviation, double effect, double controlUsers, double treatmentUsers, double alpha = 0.05)
    {
        Check(standardDeviation, alpha);
        if (!(controlUsers > 0 && treatmentUsers > 0))
            throw new ArgumentOutOfRangeException(nameof(controlUsers), "Both arms need users.");
        var se = standardDeviation * Math.Sqrt(1 / controlUsers + 1 / treatmentUsers);
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var shift = Math.Abs(effect) / se;
        return Normal.CDF(0, 1, shift - z) + Normal.CDF(0, 1, -shift - z);
    }

    /// <summary>
    /// The smallest absolute difference detected with probability <paramref name="power"/>:
    /// <c>δ = (z_{1−α/2} + z_{power}) σ sqrt(1/n_C + 1/n_T)</c> (the far tail, below α/2, is neglected as usual).
    /// </summary>
    public static double MinimumDetectableEffect(double standardDeviation, double controlUsers, double treatmentUsers,
        double alpha = 0.05, double power = 0.8)
    {
        Check(standardDeviation, alpha, power);
        if (!(controlUsers > 0 && treatmentUsers > 0))
            throw new ArgumentOutOfRangeException(nameof(controlUsers), "Both arms need users.");
        return MinimumDetectableEffectFromStandardError(standardDeviation * Math.Sqrt(1 / controlUsers + 1 / treatmentUsers), alpha, power);
    }

    /// <summary>
    /// The effect an estimate with standard error <paramref name="standardError"/> detects with <paramref name="power"/>
    /// at two-sided level <paramref name="alpha"/>: <c>(z_{1−α/2} + z_{power}) · SE</c>.
    /// </summary>
    public static double MinimumDetectableEffectFromStandardError(double standardError, double alpha = 0.05, double power = 0.8)
    {
        Check(standardError, alpha, power);
        return Quantiles(alpha, power) * standardError;
    }

    /// <summary>
    /// Total users needed to detect <paramref name="effect"/> when a share <paramref name="treatmentShare"/> of them goes to
    /// treatment: <c>N = (z_{1−α/2} + z_{power})² σ² (1/w + 1/(1 − w)) / δ²</c>, rounded up.
    /// </summary>
    public static long TotalUsers(double standardDeviation, double effect, double alpha = 0.05, double power = 0.8, double treatmentShare = 0.5)
    {
        Check(standardDeviation, alpha, power);
        if (!(treatmentShare > 0 && treatmentShare < 1))
            throw new ArgumentOutOfRangeException(nameof(treatmentShare), treatmentShare, "The treatment share must lie strictly between 0 and 1.");
        if (!(Math.Abs(effect) > 0) || !double.IsFinite(effect))
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect to detect must be a non-zero number.");
        var q = Quantiles(alpha, power) * standardDeviation / effect;
        return (long)Math.Ceiling(q * q * (1 / treatmentShare + 1 / (1 - treatmentShare)) - 1e-9);
    }

    /// <summary>
    /// Users needed when every user yields one paired or within-user observation (a paired difference, or an interleaving
    /// preference of +1, 0 or −1) with mean <paramref name="effect"/> and standard deviation σ:
    /// <c>n = ((z_{1−α/2} + z_{power}) σ / δ)²</c>, rounded up (one-sample z-test).
    /// </summary>
    public static long PairedUsers(double standardDeviation, double effect, double alpha = 0.05, double power = 0.8)
    {
        Check(standardDeviation, alpha, power);
        if (!(Math.Abs(effect) > 0) || !double.IsFinite(effect))
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect to detect must be a non-zero number.");
        var q = Quantiles(alpha, power) * standardDeviation / effect;
        return (long)Math.Ceiling(q * q - 1e-9);
    }

    /// <summary>
    /// Plans a test with <paramref name="arms"/> equal arms (one control, the rest treatments), each treatment compared
    /// with control at the Bonferroni level α/(arms − 1), so that the family-wise error stays at α (Holm, applied to the
    /// results, is never less powerful). Give exactly one of <paramref name="effect"/> (absolute; returns the users needed)
    /// and <paramref name="usersPerArm"/> (returns the detectable effect).
    /// </summary>
    public static PowerPlan Plan(double baselineMean, double standardDeviation, double alpha, double power, int arms,
        double? effect = null, long? usersPerArm = null)
    {
        Check(standardDeviation, alpha, power);
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (effect.HasValue == usersPerArm.HasValue)
            throw new ArgumentException("Give exactly one of the effect to detect and the users per arm.");
        var comparisonAlpha = alpha / (arms - 1);
        long n;
        double delta;
        if (effect is { } e)
        {
            // Two equal arms of a comparison: N = 2n at share 1/2.
            n = (TotalUsers(standardDeviation, e, comparisonAlpha, power) + 1) / 2;
            delta = Math.Abs(e);
        }
        else
        {
            n = usersPerArm!.Value;
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 2, nameof(usersPerArm));
            delta = MinimumDetectableEffect(standardDeviation, n, n, comparisonAlpha, power);
        }
        var achieved = Power(standardDeviation, delta, n, n, comparisonAlpha);
        return new PowerPlan(baselineMean, standardDeviation, delta, baselineMean != 0 ? delta / Math.Abs(baselineMean) : double.NaN,
            alpha, comparisonAlpha, power, achieved, arms, n, n * arms);
    }

    private static double Quantiles(double alpha, double power) =>
        Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);

    private static void Check(double standardDeviation, double alpha, double power = 0.5)
    {
        if (!(standardDeviation > 0) || !double.IsFinite(standardDeviation))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be positive.");
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        if (!(power > 0 && power < 1))
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must lie strictly between 0 and 1.");
    }
}
