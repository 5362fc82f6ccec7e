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
        AtomicFile.Write(Path.Combine(results.Store.Folder, FileName), stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
            csv.WriteHeader(["dataset", "split", "metric", "algorithm", "baseline", "pairs", "mean_difference", "ci_low", "ci_high",
                "t", "t_p", "t_p_holm", "wilcoxon_w", "wilcoxon_p", "wilcoxon_p_holm"]);
            foreach (var table in results.Tables)
            {
                foreach (var c in table.Comparisons)
                {
                    csv.WriteRecord([table.Dataset, table.Split, c.Metric, c.A, c.B, c.Pairs.ToString(CultureInfo.InvariantCulture),
                        N(c.MeanDifference), N(c.DifferenceInterval.Low), N(c.DifferenceInterval.High),
                        N(c.TTest.Statistic), N(c.TTest.PValue), N(c.TTest.AdjustedPValue),
                        N(c.Wilcoxon.Statistic), N(c.Wilcoxon.PValue), N(c.Wilcoxon.AdjustedPValue)]);
                }
            }
        });

    private static string N(double value) => CsvOptions.Number(value);
}
