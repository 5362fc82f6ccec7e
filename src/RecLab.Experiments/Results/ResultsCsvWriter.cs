using System.Globalization;
using CsvHelper;

namespace RecLab.Experiments.Results;

/// <summary>
/// <c>results.csv</c>: tidy, one row per successful cell and metric, in plan order (dataset, split, repeat, fold,
/// algorithm, grid point) then the file's metric order; folds and repeats 0-based; numbers in round-trip invariant form.
/// </summary>
public sealed class ResultsCsvWriter : IReportWriter
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["experiment", "dataset", "split", "fold", "algorithm", "kind", "params", "repeat", "metric", "value", "ci_low", "ci_high", "n"];

    /// <inheritdoc/>
    public string FileName => "results.csv";

    /// <inheritdoc/>
    public void Write(ExperimentResults results) =>
        AtomicFile.Write(Path.Combine(results.Store.Folder, FileName), stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
            csv.WriteHeader([.. Columns]);
            var name = results.Plan.Config.Name;
            foreach (var cell in results.Plan.Cells)
            {
                if (!results.Records.TryGetValue(cell.Id, out var record) || record.Status != CellRecord.Succeeded)
                    continue;
                foreach (var metric in results.Plan.Metrics)
                {
                    var m = record.Metrics.First(x => x.Name == metric.Name);
                    csv.WriteRecord([name, cell.Dataset, cell.Split, Number(cell.Fold), cell.Algorithm, cell.Kind, cell.Parameters,
                        Number(cell.Repeat), m.Name, Number(m.Value), Number(m.CiLow), Number(m.CiHigh), Number(m.N)]);
                }
            }
        });

    /// <summary>Invariant round-trip text; empty for null.</summary>
    internal static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
