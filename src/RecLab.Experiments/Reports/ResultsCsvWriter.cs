using System.Globalization;
using CsvHelper;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// <c>results.csv</c>: tidy, one row per successful cell and metric, in plan order (dataset, split, repeat, fold,
/// algorithm, grid point) then the file's metric order; folds and repeats 0-based; numbers in round-trip invariant form.
/// <c>onboarding</c> is the cell's onboarding size (cold-start curves; empty otherwise); with activity buckets, each
/// cell's per-user metrics follow once per bucket with the bucket's label in <c>bucket</c> (its mean in <c>value</c>,
/// its users in <c>n</c>, no interval); the overall rows have an empty <c>bucket</c>.
/// </summary>
public sealed class ResultsCsvWriter : IReportWriter
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["experiment", "dataset", "split", "fold", "algorithm", "kind", "params", "repeat", "metric", "value", "ci_low", "ci_high", "n", "onboarding", "bucket"];

    /// <inheritdoc/>
    public string FileName => "results.csv";

    /// <inheritdoc/>
    public void Write(ExperimentResults results) =>
        AtomicFile.Write(Path.Combine(results.Folder, FileName), stream => Write(results, stream));

    /// <summary>Writes the same bytes to <paramref name="stream"/> (<c>reclab eval --format csv</c>: results kept in memory).</summary>
    public void Write(ExperimentResults results, Stream stream)
    {
        using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        var name = results.Plan.Config.Name;
        foreach (var row in results.TidyRows())
        {
            var cell = row.Cell;
            csv.WriteRecord([name, cell.Dataset, cell.Split, Number(cell.Fold), cell.Algorithm, cell.Kind, cell.Parameters,
                Number(cell.Repeat), row.Metric, Number(row.Value), Number(row.CiLow), Number(row.CiHigh), Number(row.N),
                cell.Onboarding is { } size ? Number(size) : "", row.Bucket]);
        }
    }

    private static string Number(double? value) => CsvOptions.Number(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
