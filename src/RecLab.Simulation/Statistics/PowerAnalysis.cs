using MathNet.Numerics.Distributions;

namespace RecLab.Simulation.Statistics;

/// <summary>
/// Power and sample size of a two-sided test of a difference in means with a normal approximation (what Welch's test
/// and the delta method become at A/B sample sizes). With standard error <c>SE = sqrt(σ_T²/n_T + σ_C²/n_C)</c> and true
/// difference δ: <c>power = Φ(δ/SE − z_{1−α/2}) + Φ(−δ/SE − z_{1−α/2})</c>; the minimum detectable effect at power 1 − β
/// is <c>(z_{1−α/2} + z_{1−β})·SE</c>.
/// </summary>
public static class PowerAnalysis
{
    /// <summary>Power to detect a true difference δ given the standard error of the estimated difference.</summary>
    public static double Power(double difference, double standardError, double alpha = 0.05)
    {
        CheckAlpha(alpha);
        if (!(standardError > 0))
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "The standard error must be positive.");
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var shift = difference / standardError;
        return Normal.CDF(0, 1, shift - z) + Normal.CDF(0, 1, -shift - z);
    }

    /// <summary>Standard error of a difference of two independent means: <c>sqrt(σ_T²/n_T + σ_C²/n_C)</c>.</summary>
    public static double StandardError(double sdTreatment, int usersTreatment, double sdControl, int usersControl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(usersTreatment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(usersControl, 1);
        return Math.Sqrt(sdTreatment * sdTreatment / usersTreatment + sdControl * sdControl / usersControl);
    }

    /// <summary>The smallest true difference detected with probability <paramref name="power"/>: <c>(z_{1−α/2} + z_{power})·SE</c>.</summary>
    public static double MinimumDetectableEffect(double standardError, double alpha = 0.05, double power = 0.8)
    {
        CheckAlpha(alpha);
        CheckPower(power);
        return (Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power)) * standardError;
    }

    /// <summary>
    /// Users needed in the control arm (the treatment gets <paramref name="ratio"/> times as many) to detect difference δ
    /// with the given power: <c>n_C = (z_{1−α/2} + z_{power})²·σ²·(1 + 1/ratio) / δ²</c>, rounded up.
    /// </summary>
    public static int UsersPerArm(double difference, double sd, double alpha = 0.05, double power = 0.8, double ratio = 1)
    {
        CheckAlpha(alpha);
        CheckPower(power);
        if (!(difference != 0 && double.IsFinite(difference)))
            throw new ArgumentOutOfRangeException(nameof(difference), difference, "The difference must be finite and not 0.");
        if (!(ratio > 0))
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The allocation ratio must be positive.");
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        return (int)Math.Ceiling(z * z * sd * sd * (1 + 1 / ratio) / (difference * difference));
    }

    private static void CheckAlpha(double alpha)
    {
        if (!(alpha is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
    }

    private static void CheckPower(double power)
    {
        if (!(power is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must lie strictly between 0 and 1.");
    }
}
