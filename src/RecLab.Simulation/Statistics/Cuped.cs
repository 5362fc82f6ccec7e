namespace RecLab.Simulation.Statistics;

/// <summary>
/// CUPED (Deng, Xu, Kohavi, Walker 2013): subtract from each user's metric the part its pre-period covariate predicts,
/// <c>Y' = Y − θ·(X − X̄)</c> with <c>θ = Cov(X, Y) / Var(X)</c>. The mean is unchanged in expectation (X is measured
/// before assignment, so it cannot depend on the arm); the variance shrinks by the factor <c>1 − ρ²</c>.
/// </summary>
public static class Cuped
{
    /// <summary>
    /// θ from the pooled within-arm covariance: each group is centred on its own means first, so a treatment effect
    /// cannot leak into θ. Groups are given as consecutive ranges of <paramref name="y"/> and <paramref name="x"/>.
    /// </summary>
    /// <returns>0 when the covariate does not vary.</returns>
    public static double Theta(ReadOnlySpan<double> y, ReadOnlySpan<double> x, ReadOnlySpan<int> groupSizes)
    {
        if (y.Length != x.Length)
            throw new ArgumentException($"Metric and covariate must align: {y.Length} against {x.Length}.");
        double sxy = 0, sxx = 0;
        var start = 0;
        foreach (var size in groupSizes)
        {
            var gy = y.Slice(start, size);
            var gx = x.Slice(start, size);
            start += size;
            if (size == 0)
                continue;
            double my = 0, mx = 0;
            for (var i = 0; i < size; i++)
            {
                my += gy[i];
                mx += gx[i];
            }
            my /= size;
            mx /= size;
            for (var i = 0; i < size; i++)
            {
                var dx = gx[i] - mx;
                sxy += dx * (gy[i] - my);
                sxx += dx * dx;
            }
        }
        if (start != y.Length)
            throw new ArgumentException($"Group sizes add up to {start}, not {y.Length}.");
        return sxx > 0 ? sxy / sxx : 0;
    }

    /// <summary>θ over one group.</summary>
    public static double Theta(ReadOnlySpan<double> y, ReadOnlySpan<double> x) => Theta(y, x, [y.Length]);

    /// <summary>The adjusted values <c>Y − θ·(X − centre)</c>; use the same centre (the pooled covariate mean) for every arm.</summary>
    public static double[] Adjust(ReadOnlySpan<double> y, ReadOnlySpan<double> x, double theta, double centre)
    {
        if (y.Length != x.Length)
            throw new ArgumentException($"Metric and covariate must align: {y.Length} against {x.Length}.");
        var adjusted = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
            adjusted[i] = y[i] - theta * (x[i] - centre);
        return adjusted;
    }
}
