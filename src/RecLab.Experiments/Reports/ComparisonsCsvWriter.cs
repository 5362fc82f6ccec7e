using System.Globalization;
using CsvHelper;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// <c>comparisons.csv</c>: every configuration against the baseline on every per-user metric, per (dataset, split):
/// pairs, mean difference with its bootstrap interval, paired t-test and Wilcoxon p-values, raw and Holm-adjusted.
/// </summary>
public sealed class ComparisonsCsvWriter : IReportWriter
{
    /// <inheritdoc/>
    public string FileName => "comparisons.csv";

    /// <inheritdoc/>
    public void Write(ExperimentResults results) =>
        AtomicFile.Write(Path.Combine(results.Folder, FileName), stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
            csv.WriteHeader(["dataset", "split", "metric", "algorithm", "baseline", "pairs", "mean_difference", "ci_low", "ci_high",
                "t", "t_p", "t_p_holm", "wilcoxon_w", "wilcoxon_p", "wilcoxon_p_holm"]);
            foreach (var c in results.ComparisonRows())
            {
                csv.WriteRecord([c.Dataset, c.Split, c.Metric, c.Algorithm, c.Baseline, c.Pairs.ToString(CultureInfo.InvariantCulture),
                    N(c.MeanDifference), N(c.CiLow), N(c.CiHigh), N(c.T), N(c.TP), N(c.TPHolm), N(c.WilcoxonW), N(c.WilcoxonP), N(c.WilcoxonPHolm)]);
            }
        });

    private static string N(double value) => CsvOptions.Number(value);
}
