namespace RecLab.Simulation.Statistics;

/// <summary>
/// The delta method for ratio metrics with users as the unit (Deng et al. 2018, "Applying the delta method in metric
/// analytics"). For <c>R = Ȳ / X̄</c> over n users,
/// <c>Var(R) ≈ (s_Y² − 2R·s_XY + R²·s_X²) / (n·X̄²)</c>: clicks within a user are correlated, so impressions are never
/// treated as independent trials.
/// </summary>
public static class DeltaMethod
{
    /// <summary>The ratio <c>ΣY / ΣX</c> and the delta-method variance of it (sample moments with n − 1).</summary>
    /// <returns>NaN ratio when ΣX is 0; NaN variance below two users.</returns>
    public static (double Ratio, double Variance) Ratio(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        CheckAligned(y, x);
        var n = y.Length;
        if (n == 0)
            return (double.NaN, double.NaN);
        double my = 0, mx = 0;
        for (var i = 0; i < n; i++)
        {
            my += y[i];
            mx += x[i];
        }
        my /= n;
        mx /= n;
        if (mx == 0)
            return (double.NaN, double.NaN);
        var r = my / mx;
        if (n < 2)
            return (r, double.NaN);
        double syy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dy = y[i] - my;
            var dx = x[i] - mx;
            syy += dy * dy;
            sxx += dx * dx;
            sxy += dx * dy;
        }
        syy /= n - 1;
        sxx /= n - 1;
        sxy /= n - 1;
        return (r, (syy - 2 * r * sxy + r * r * sxx) / (n * mx * mx));
    }

    /// <summary>
    /// Linearized per-user values <c>L_u = R + (Y_u − R·X_u) / X̄</c>: their mean is R and their variance over n is the
    /// delta-method variance of R, so per-user tools (Welch's t, CUPED, bootstrap of the mean) apply to ratio metrics unchanged.
    /// </summary>
    public static double[] Linearize(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        CheckAligned(y, x);
        var n = y.Length;
        double sy = 0, sx = 0;
        for (var i = 0; i < n; i++)
        {
            sy += y[i];
            sx += x[i];
        }
        var values = new double[n];
        if (sx == 0)
        {
            values.AsSpan().Fill(double.NaN);
            return values;
        }
        var r = sy / sx;
        var mx = sx / n;
        for (var i = 0; i < n; i++)
            values[i] = r + (y[i] - r * x[i]) / mx;
        return values;
    }

    /// <summary>
    /// Relative difference <c>m_T / m_C − 1</c> of two independent estimates and its delta-method variance
    /// <c>v_T / m_C² + m_T²·v_C / m_C⁴</c>.
    /// </summary>
    public static (double Relative, double Variance) RelativeDifference(double treatment, double treatmentVariance, double control, double controlVariance)
    {
        var c2 = control * control;
        return (treatment / control - 1, treatmentVariance / c2 + treatment * treatment * controlVariance / (c2 * c2));
    }

    private static void CheckAligned(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        if (y.Length != x.Length)
            throw new ArgumentException($"Numerators and denominators must align: {y.Length} against {x.Length}.");
    }
}
