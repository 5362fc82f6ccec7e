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
        var m = CrossMoments.Of(numerators, denominators);
        var n = m.Count;
        if (n == 0 || m.SumX == 0)
            return new RatioMoments(n, double.NaN, double.NaN, n == 0 ? double.NaN : m.MeanX);
        var ratio = m.SumY / m.SumX;
        if (n < 2)
            return new RatioMoments(n, ratio, double.NaN, m.MeanX);
        // Sample moments with the n − 1 denominator.
        var variance = Math.Max(0, (m.Syy - 2 * ratio * m.Sxy + ratio * ratio * m.Sxx) / (n - 1)) / (n * m.MeanX * m.MeanX);
        return new RatioMoments(n, ratio, variance, m.MeanX);
    }
}
