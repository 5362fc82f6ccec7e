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
    /// <summary>One row per algorithm, one column per metric (confidence interval on hover), then fit time (when <see cref="Notebook.ShowTimings"/>).</summary>
    public static HtmlTable Metrics(IEnumerable<CrossValidationResult> results, string? caption = null) =>
        Metrics([.. results.Select(r => (r.Label, r.Metrics, r.FitTime))], caption);

    /// <summary>One row per evaluated model, one column per metric, then fit time.</summary>
    public static HtmlTable Metrics(IEnumerable<EvaluationResult> results, string? caption = null) =>
        Metrics([.. results.Select(r => (r.Algorithm, r.Metrics, r.FitTime))], caption);

    /// <summary>
    /// One row per configuration of an experiment's result table (<c>ExperimentResults.Tables</c>), one column per
    /// metric (mean over folds and repeats, confidence interval on hover), then the mean fit time.
    /// </summary>
    public static HtmlTable Metrics(Experiments.Results.ResultTable table, string? caption = null) =>
        Metrics([.. table.Rows.Select(r => (r.Configuration, r.Metrics, TimeSpan.FromSeconds(r.FitSeconds)))], caption ?? $"{table.Dataset}, {table.Split}");

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

    /// <summary>
    /// An item's neighbours with their similarity, how many users interacted with both (the similarity's support)
    /// and with each, in <paramref name="data"/>: a similarity of 1 from two common users is luck, not evidence.
    /// </summary>
    public static HtmlTable Neighbors(Dataset dataset, InteractionData data, int item, IEnumerable<ScoredItem> neighbors, string? caption = null) => new()
    {
        Caption = caption ?? $"Nearest to {dataset.ItemLabel(item)} ({data.ByItem.RowLength(item):N0} users)",
        Columns = ["rank", "title", "similarity", "users in common", "users"],
        Rows = [.. neighbors.Select((r, k) => (IReadOnlyList<TableCell>)
        [
            TableCell.Number(k + 1, "0"),
            dataset.ItemLabel(r.Item),
            TableCell.Number(r.Score, "0.000"),
            TableCell.Number(Notebooks.Neighbors.InCommon(data.ByItem, item, r.Item), "N0"),
            TableCell.Number(data.ByItem.RowLength(r.Item), "N0"),
        ])],
    };

    /// <summary>
    /// Paired comparisons (<see cref="Evaluation.Comparisons.Compare"/>): mean difference A − B with its confidence
    /// interval and the Holm-adjusted p-values of the paired t-test and the Wilcoxon signed-rank test; p-values
    /// below <paramref name="alpha"/> are in bold.
    /// </summary>
    public static HtmlTable Comparisons(IEnumerable<PairedComparison> comparisons, string? caption = null, double alpha = 0.05) => new()
    {
        Caption = caption,
        Columns = ["metric", "A", "B", "pairs", "A − B", "95% CI", "t-test p (Holm)", "Wilcoxon p (Holm)"],
        Rows = [.. comparisons.Select(c => (IReadOnlyList<TableCell>)
        [
            c.Metric,
            c.A,
            c.B,
            TableCell.Number(c.Pairs, "N0"),
            new TableCell { Text = Signed(c.MeanDifference), Numeric = true },
            new TableCell { Text = $"[{Signed(c.DifferenceInterval.Low)}, {Signed(c.DifferenceInterval.High)}]", Numeric = true },
            PValue(c.TTest.AdjustedPValue, alpha),
            PValue(c.Wilcoxon.AdjustedPValue, alpha),
        ])],
    };

    /// <summary>
    /// A small interaction matrix written out, users as rows and items as columns (blank where there is no value),
    /// for worked examples.
    /// </summary>
    /// <exception cref="ArgumentException">More than 50 users or items: a matrix that size is not for reading.</exception>
    public static HtmlTable Matrix(InteractionData data, string? caption = null)
    {
        if (data.UserCount > 50 || data.ItemCount > 50)
            throw new ArgumentException($"{data.UserCount} users x {data.ItemCount} items is too large to show as a matrix (at most 50 x 50).", nameof(data));
        return new HtmlTable
        {
            Caption = caption,
            Columns = ["", .. data.Items],
            Rows = [.. Enumerable.Range(0, data.UserCount).Select(u => (IReadOnlyList<TableCell>)
            [
                data.Users[u],
                .. Enumerable.Range(0, data.ItemCount).Select(i => data.ByUser.RowIndices(u).Contains(i)
                    ? TableCell.Number(data.ByUser.Get(u, i), "0.#")
                    : new TableCell { Text = "", Numeric = true }),
            ])],
        };
    }

    /// <summary>Each principal axis of a <see cref="FactorMap"/>: its share of the variance and the titles at either end.</summary>
    public static HtmlTable FactorAxes(Dataset dataset, FactorMap map, int n = 5, string? caption = null) => new()
    {
        Caption = caption,
        Columns = ["axis", "variance", "high end", "low end"],
        Rows = [.. Enumerable.Range(0, map.Axes).Select(a => (IReadOnlyList<TableCell>)
        [
            TableCell.Number(a + 1, "0"),
            TableCell.Number(map.VarianceShares[a], "0.0%"),
            string.Join("; ", map.End(a, n, high: true).Select(r => dataset.ItemLabel(r.Item))),
            string.Join("; ", map.End(a, n, high: false).Select(r => dataset.ItemLabel(r.Item))),
        ])],
    };

    /// <summary>A difference with its sign and a true minus sign, so columns of differences line up.</summary>
    private static string Signed(double value) => value.ToString("+0.0000;\u22120.0000;0.0000", CultureInfo.InvariantCulture);

    private static TableCell PValue(double p, double alpha) =>
        TableCell.Number(p, p < 0.0001 ? "0.0E+0" : "0.0000") with { Strong = p < alpha };

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
        // Fit times differ from run to run: recorded outputs leave them out (Notebook.ShowTimings).
        var timings = Notebook.ShowTimings;
        return new HtmlTable
        {
            Caption = caption,
            Columns = ["algorithm", .. names, .. timings ? new[] { "fit (s)" } : []],
            Rows = [.. rows.Select(row => (IReadOnlyList<TableCell>)
            [
                row.Label,
                .. names.Select((name, i) => Cell(row.Metrics.First(m => m.Name == name), best[i])),
                .. timings ? new[] { TableCell.Number(row.FitTime.TotalSeconds, "0.00") } : [],
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
