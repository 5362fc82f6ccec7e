using System.Globalization;
using RecLab.Charts.Html;

namespace RecLab.Experiments.Reports;

/// <summary>The failed cells with their errors, and how many cells have no result yet; nothing when all succeeded.</summary>
public sealed class FailuresSection : IReportSection
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Charts => [];

    /// <inheritdoc/>
    public void Render(ReportContext context)
    {
        var inv = CultureInfo.InvariantCulture;
        var results = context.Results;
        var failed = results.Failed;
        if (failed.Count > 0)
        {
            context.Page.AddHeading($"Failed cells ({failed.Count})");
            context.Page.AddTable(new HtmlTable
            {
                Columns = ["cell", "dataset", "split", "fold", "repeat", "algorithm", "error"],
                Rows = failed.Select(f => (IReadOnlyList<TableCell>)
                [
                    f.Cell.Id, f.Cell.Dataset, f.Cell.Split, (f.Cell.Fold + 1).ToString(inv), (f.Cell.Repeat + 1).ToString(inv),
                    f.Cell.Configuration, new TableCell { Text = f.Record.Error ?? "", Tooltip = f.Record.ErrorDetail },
                ]).ToList(),
            });
        }
        var missing = results.Missing;
        if (missing.Count > 0)
        {
            context.Page.AddHeading($"Missing cells ({missing.Count})");
            context.Page.AddParagraph($"{missing.Count} of {results.Plan.Cells.Count} cells have no result yet (not run, interrupted, or in a shard not merged): " +
                "run the experiment again to complete it.");
        }
    }
}
