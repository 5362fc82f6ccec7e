using System.Globalization;
using System.Text;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reproduction;

/// <summary>
/// A finished run compared with expected figures (<c>reclab run SUITE --check expected.csv</c>): every figure against
/// every (dataset, split) table of the run, so a suite's single table is checked whatever its dataset is called.
/// </summary>
public sealed record ReferenceCheck
{
    /// <summary>One row per figure and table.</summary>
    public required IReadOnlyList<ReferenceCheckRow> Rows { get; init; }

    /// <summary>True when every figure passed.</summary>
    public bool Passed => Rows.All(r => r.Passed);

    /// <summary>Compares <paramref name="results"/> with <paramref name="figures"/>.</summary>
    public static ReferenceCheck Compare(ExperimentResults results, IReadOnlyList<ReferenceFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(figures);
        var rows = new List<ReferenceCheckRow>();
        foreach (var table in results.Tables)
        {
            foreach (var figure in figures)
            {
                var row = table.Rows.FirstOrDefault(r => r.Configuration == figure.Algorithm);
                var metric = row?.Metrics.FirstOrDefault(m => m.Name == figure.Metric);
                var note = row is null ? $"no algorithm '{figure.Algorithm}' in the run"
                    : row.Succeeded == 0 ? "every cell failed"
                    : metric is null ? $"the run did not measure {figure.Metric}"
                    : double.IsNaN(metric.Value) ? metric.Note ?? "not measured"
                    : null;
                rows.Add(new ReferenceCheckRow
                {
                    Dataset = table.Dataset,
                    Split = table.Split,
                    Figure = figure,
                    Value = note is null ? metric!.Value : double.NaN,
                    Note = note,
                });
            }
        }
        return new ReferenceCheck { Rows = rows };
    }

    /// <summary>The comparison as a Markdown table: algorithm, metric, RecLab, reference, band, verdict, source.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        MarkdownTable.Write(md, ["dataset", "algorithm", "metric", "RecLab", "reference", "band", "result", "source"], Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Dataset,
            r.Figure.Algorithm,
            r.Figure.Metric,
            double.IsNaN(r.Value) ? "n/a" : r.Value.ToString("0.0000", inv),
            r.Figure.Reference.ToString("0.0000", inv),
            Band(r.Figure, inv),
            r.Passed ? "pass" : "FAIL" + (r.Note is null ? "" : $" ({r.Note})"),
            r.Figure.Source,
        ]));
        return md.ToString();
    }

    private static string Band(ReferenceFigure f, CultureInfo inv) =>
        (f.Below is null ? "−∞" : f.Low.ToString("0.0000", inv)) + " … " + (f.Above is null ? "+∞" : f.High.ToString("0.0000", inv));
}
