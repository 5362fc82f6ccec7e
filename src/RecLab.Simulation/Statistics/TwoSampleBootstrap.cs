using MathNet.Numerics.Statistics;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Simulation.Statistics;

/// <summary>
/// Percentile bootstrap interval of the difference between two independent arms: users are resampled with replacement
/// within each arm, and the statistic is the arm's mean (<c>ΣY/n</c>) or, with denominators, its ratio of sums
/// (<c>ΣY/ΣX</c>), so ratio metrics keep users as the unit. Resample r draws from <c>Seeds.Stream(seed, r)</c>: the
/// interval depends only on the seed and the data.
/// </summary>
public static class TwoSampleBootstrap
{
    /// <summary>The interval of <c>stat(treatment) − stat(control)</c>.</summary>
    /// <param name="treatmentY">Numerators of the treatment's users.</param>
    /// <param name="treatmentX">Their denominators, or empty for a mean.</param>
    /// <param name="controlY">Numerators of the control's users.</param>
    /// <param name="controlX">Their denominators, or empty for a mean.</param>
    /// <param name="seed">Seed of the resamples.</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="level">Coverage, e.g. 0.95.</param>
    public static ConfidenceInterval DifferenceInterval(double[] treatmentY, double[] treatmentX, double[] controlY, double[] controlX,
        ulong seed, int resamples = Bootstrap.DefaultResamples, double level = Bootstrap.DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        var estimate = Statistic(treatmentY, treatmentX) - Statistic(controlY, controlX);
        if (treatmentY.Length == 0 || controlY.Length == 0 || double.IsNaN(estimate))
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level);
        var differences = new double[resamples];
        Parallel.For(0, resamples, r =>
        {
            var rng = Seeds.Stream(seed, (ulong)r);
            differences[r] = Resample(treatmentY, treatmentX, ref rng) - Resample(controlY, controlX, ref rng);
        });
        var defined = differences.Where(d => !double.IsNaN(d)).ToArray();
        if (defined.Length == 0)
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level);
        Array.Sort(defined);
        return new ConfidenceInterval(estimate,
            SortedArrayStatistics.QuantileCustom(defined, (1 - level) / 2, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(defined, (1 + level) / 2, QuantileDefinition.R7), level);
    }

    private static double Statistic(double[] y, double[] x)
    {
        if (y.Length == 0)
            return double.NaN;
        var sy = 0.0;
        foreach (var v in y)
            sy += v;
        if (x.Length == 0)
            return sy / y.Length;
        var sx = 0.0;
        foreach (var v in x)
            sx += v;
        return sx == 0 ? double.NaN : sy / sx;
    }

    private static double Resample(double[] y, double[] x, ref Rng rng)
    {
        var n = y.Length;
        double sy = 0, sx = 0;
        for (var k = 0; k < n; k++)
        {
            var i = rng.NextInt(n);
            sy += y[i];
            if (x.Length != 0)
                sx += x[i];
        }
        if (x.Length == 0)
            return sy / n;
        return sx == 0 ? double.NaN : sy / sx;
    }
}
