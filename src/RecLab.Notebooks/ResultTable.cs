using System.Globalization;
using RecLab.Charts.Html;
using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Recommenders;

namespace RecLab.Notebooks;

/// <summary>
/// Tables of results for notebooks (<see cref="HtmlTable"/> renders as HTML in a notebook and as aligned text in a
/// console): metrics per algorithm with the best value in bold, a dataset summary, a recommendation list.
/// </summary>
public static class ResultTable
{
    /// <summary>One row per algorithm, one column per metric (confidence interval on hover), then fit time.</summary>
    public static HtmlTable Metrics(IEnumerable<CrossValidationResult> results, string? caption = null) =>
        Metrics([.. results.Select(r => (r.Label, r.Metrics, r.FitTime))], caption);

    /// <summary>One row per evaluated model, one column per metric, then fit time.</summary>
    public static HtmlTable Metrics(IEnumerable<EvaluationResult> results, string? caption = null) =>
        Metrics([.. results.Select(r => (r.Algorithm, r.Metrics, r.FitTime))], caption);

    /// <summary>What <c>reclab data info</c> shows: size, density, value distribution summary, activity per user and item.</summary>
    public static HtmlTable Summary(DatasetSummary summary)
    {
        static TableCell Count(long n) => TableCell.Number(n, "N0");
        var rows = new List<IReadOnlyList<TableCell>>
        {
            new TableCell[] { "users", Count(summary.Users) },
            new TableCell[] { "items (rated / catalogue)", new TableCell { Text = $"{summary.RatedItems:N0} / {summary.Items:N0}", Numeric = true } },
            new TableCell[] { "interactions", Count(summary.Interactions) },
            new TableCell[] { "density", TableCell.Number(summary.Density, "0.00%") },
            new TableCell[] { "feedback", summary.Feedback + (summary.Scale is { } s ? $" ({s.Min.ToString(CultureInfo.InvariantCulture)} to {s.Max.ToString(CultureInfo.InvariantCulture)})" : "") },
            new TableCell[] { "mean value", TableCell.Number(summary.MeanValue, "0.000") },
            new TableCell[] { "per user: min / median / max", Spread(summary.PerUser) },
            new TableCell[] { "per item: min / median / max", Spread(summary.PerItem) },
        };
        if (summary.TimeSpan is { } span)
            rows.Add(new TableCell[] { "time span", $"{span.First:yyyy-MM-dd} to {span.Last:yyyy-MM-dd}" });
        return new HtmlTable { Caption = summary.Name, Columns = ["property", "value"], Rows = rows };
    }

    /// <summary>A ranked list with each item's id, title (when the dataset has titles) and score.</summary>
    public static HtmlTable Recommendations(Dataset dataset, IEnumerable<ScoredItem> items, string? caption = null) => new()
    {
        Caption = caption,
        Columns = ["rank", "item", "title", "score"],
        Rows = [.. items.Select((r, k) => (IReadOnlyList<TableCell>)
        [
            TableCell.Number(k + 1, "0"),
            dataset.Interactions.Items[r.Item],
            dataset.ItemTitles?[r.Item] ?? "",
            TableCell.Number(r.Score, "0.####"),
        ])],
    };

    private static TableCell Spread((int Min, double Median, int Max) spread) => new()
    {
        Text = string.Create(CultureInfo.InvariantCulture, $"{spread.Min:N0} / {spread.Median:0.#} / {spread.Max:N0}"),
        Numeric = true,
    };

    private static HtmlTable Metrics(IReadOnlyList<(string Label, IReadOnlyList<MetricResult> Metrics, TimeSpan FitTime)> rows, string? caption)
    {
        var names = rows.Count == 0 ? [] : rows[0].Metrics.Select(m => m.Name).ToList();
        var best = names.Select(name =>
        {
            var values = rows.Select(r => r.Metrics.First(m => m.Name == name)).Where(m => double.IsFinite(m.Value)).ToList();
            return values.Count < 2 ? double.NaN : values[0].HigherIsBetter ? values.Max(m => m.Value) : values.Min(m => m.Value);
        }).ToList();
        return new HtmlTable
        {
            Caption = caption,
            Columns = ["algorithm", .. names, "fit (s)"],
            Rows = [.. rows.Select(row => (IReadOnlyList<TableCell>)
            [
                row.Label,
                .. names.Select((name, i) => Cell(row.Metrics.First(m => m.Name == name), best[i])),
                TableCell.Number(row.FitTime.TotalSeconds, "0.00"),
            ])],
        };
    }

    private static TableCell Cell(MetricResult metric, double best) => TableCell.Number(metric.Value) with
    {
        Strong = metric.Value == best,
        Tooltip = metric.CiLow is { } low && metric.CiHigh is { } high
            ? string.Create(CultureInfo.InvariantCulture, $"95% CI [{low:0.0000}, {high:0.0000}], n = {metric.Count:N0}")
            : metric.Note,
    };
}
