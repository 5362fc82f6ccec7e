namespace RecLab.Evaluation.Statistics;

/// <summary>Standardized effect sizes (pairs or values with a NaN are skipped).</summary>
public static class EffectSize
{
    /// <summary>
    /// Cohen's <c>d_z</c> for paired samples: <c>mean(d) / sd(d)</c> with <c>d = a − b</c> and the n − 1 standard
    /// deviation; ±∞ when every difference is the same non-zero value, 0 when all are zero, NaN below two pairs.
    /// </summary>
    public static double CohensDz(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        Standardize(SampleSummary.Of(Samples.Differences(a, b)));

    /// <summary>
    /// Cohen's <c>d</c> for two independent samples: <c>(mean(a) − mean(b)) / s_pooled</c> with
    /// <c>s_pooled² = ((n_a − 1) s_a² + (n_b − 1) s_b²) / (n_a + n_b − 2)</c>; NaN when either sample has fewer than two values.
    /// </summary>
    public static double CohensD(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => CohensD(SampleSummary.Of(a), SampleSummary.Of(b));

    internal static double CohensD(SampleSummary a, SampleSummary b)
    {
        if (a.Count < 2 || b.Count < 2)
            return double.NaN;
        var pooled = Math.Sqrt(((a.Count - 1) * Square(a.StandardDeviation) + (b.Count - 1) * Square(b.StandardDeviation)) / (a.Count + b.Count - 2));
        return Ratio(a.Mean - b.Mean, pooled);
    }

    internal static double Standardize(SampleSummary d) => d.Count < 2 ? double.NaN : Ratio(d.Mean, d.StandardDeviation);

    // A zero spread makes a zero difference 0 and any other difference infinitely large.
    internal static double Ratio(double difference, double spread) =>
        spread > 0 ? difference / spread : difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference);

    private static double Square(double x) => x * x;
}
