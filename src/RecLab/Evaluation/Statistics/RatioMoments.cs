namespace RecLab.Evaluation.Statistics;

/// <summary>One arm of a ratio metric <c>R = Σ y / Σ x</c> over users, with its delta-method variance.</summary>
/// <remarks>
/// <c>Var(R) ≈ (s_y² − 2 R s_xy + R² s_x²) / (n x̄²)</c> (first-order Taylor expansion of ȳ / x̄, sample moments with
/// the n − 1 denominator): the user, not the impression, is the independent unit.
/// </remarks>
internal readonly record struct RatioMoments(int Count, double Ratio, double Variance, double MeanDenominator)
{
    public static RatioMoments Of(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        if (numerators.Length != denominators.Length)
            throw new ArgumentException($"Numerators and denominators must align: {numerators.Length} against {denominators.Length}.", nameof(denominators));
        // Two passes (means, then centred moments) to keep the covariance accurate for large sums.
        int n = 0;
        double sy = 0, sx = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            if (double.IsNaN(numerators[i]) || double.IsNaN(denominators[i]))
                continue;
            n++;
            sy += numerators[i];
            sx += denominators[i];
        }
        if (n == 0 || sx == 0)
            return new RatioMoments(n, double.NaN, double.NaN, n == 0 ? double.NaN : sx / n);
        double my = sy / n, mx = sx / n, vyy = 0, vxx = 0, vxy = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            if (double.IsNaN(numerators[i]) || double.IsNaN(denominators[i]))
                continue;
            var dy = numerators[i] - my;
            var dx = denominators[i] - mx;
            vyy += dy * dy;
            vxx += dx * dx;
            vxy += dx * dy;
        }
        var ratio = sy / sx;
        if (n < 2)
            return new RatioMoments(n, ratio, double.NaN, mx);
        vyy /= n - 1;
        vxx /= n - 1;
        vxy /= n - 1;
        var variance = Math.Max(0, vyy - 2 * ratio * vxy + ratio * ratio * vxx) / (n * mx * mx);
        return new RatioMoments(n, ratio, variance, mx);
    }
}
