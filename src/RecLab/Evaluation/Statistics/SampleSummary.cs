using MathNet.Numerics.Statistics;

namespace RecLab.Evaluation.Statistics;

/// <summary>Mean, standard deviation and count of per-user values, skipping undefined (NaN) values.</summary>
/// <param name="Count">Defined values.</param>
/// <param name="Mean">Mean of the defined values (NaN when there are none).</param>
/// <param name="StandardDeviation">Sample standard deviation, n − 1 denominator (NaN below two values).</param>
/// <param name="Minimum">Smallest defined value (NaN when there are none).</param>
/// <param name="Maximum">Largest defined value (NaN when there are none).</param>
/// <param name="Undefined">NaN values skipped (e.g. users whose list was too short for diversity).</param>
public sealed record SampleSummary(int Count, double Mean, double StandardDeviation, double Minimum, double Maximum, int Undefined)
{
    /// <summary>Standard error of the mean, <c>sd / sqrt(n)</c>.</summary>
    public double StandardError => Count > 0 ? StandardDeviation / Math.Sqrt(Count) : double.NaN;

    /// <summary>Summarizes <paramref name="values"/> with MathNet's numerically stable <see cref="RunningStatistics"/>.</summary>
    public static SampleSummary Of(ReadOnlySpan<double> values)
    {
        var stats = new RunningStatistics();
        var undefined = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                undefined++;
            else
                stats.Push(v);
        }
        var n = (int)stats.Count;
        return n == 0
            ? new SampleSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, undefined)
            : new SampleSummary(n, stats.Mean, n < 2 ? double.NaN : stats.StandardDeviation, stats.Minimum, stats.Maximum, undefined);
    }
}
