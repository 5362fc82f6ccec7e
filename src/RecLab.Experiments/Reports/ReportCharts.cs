using System.Globalization;
using Plotly.NET;
using RecLab.Charts;
using RecLab.Charts.Plots;
using RecLab.Evaluation;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Results;
using RecLab.Recommenders;

namespace RecLab.Experiments.Reports;

/// <summary>
/// The charts of one (dataset, split) from its result table, through <see cref="StandardPlots"/>. Which metric a
/// single-metric chart shows: the first in the file (the primary metric), or for per-user boxes the first with
/// per-user values. A requested chart the experiment cannot support is reported once with the reason.
/// </summary>
internal sealed class ReportCharts
{
    public const string MetricBars = "metric-bars";
    public const string MetricAtK = "metric-at-k";
    public const string FitCost = "fit-cost";
    public const string GridSearch = "grid-search";
    public const string PerUser = "per-user-distribution";

    /// <summary>The charts drawn from result tables, in the order a section shows them.</summary>
    public static IReadOnlyList<string> Names { get; } = [MetricBars, MetricAtK, FitCost, GridSearch, PerUser];

    /// <summary>Per-user values are rounded to this many decimals: a box plot needs no more, and the page stays small.</summary>
    private const int PerUserDecimals = 4;

    private readonly ReportContext _context;
    private readonly List<string> _metrics;
    private readonly List<(string Base, List<(int N, string Name)> Lengths)> _curves;
    private readonly List<Schema.AlgorithmConfig> _grids;

    public ReportCharts(ReportContext context)
    {
        _context = context;
        var plan = context.Results.Plan;
        _metrics = plan.Metrics.Select(m => m.Name).ToList();
        _curves = _metrics.Where(m => m.Contains('@'))
            .GroupBy(m => m[..m.IndexOf('@')], StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(m => (int.Parse(m[(m.IndexOf('@') + 1)..], CultureInfo.InvariantCulture), m)).OrderBy(x => x.Item1).ToList()))
            .Where(g => g.Item2.Count >= 2).ToList();
        _grids = plan.Config.Algorithms.Where(a => a.Grid.Count == 2).ToList();

        if (context.Wants(MetricAtK) && _curves.Count == 0)
            context.Skip(MetricAtK, "no metric is measured at two or more list lengths (e.g. ndcg@5, ndcg@10, ndcg@20)");
        if (context.Wants(GridSearch) && _grids.Count == 0)
            context.Skip(GridSearch, "no algorithm has a grid with exactly two axes");
        if (context.Wants(PerUser) && !plan.Config.Evaluation.PerUser)
            context.Skip(PerUser, "per-user values were not kept (evaluation.per_user: false)");
    }

    /// <summary>The requested charts of one table, each with a one-sentence caption.</summary>
    public IEnumerable<(GenericChart Chart, string Caption)> For(ResultTable table)
    {
        var rows = table.Rows.Where(r => r.Succeeded > 0 && r.Metrics.Count > 0).ToList();
        if (rows.Count == 0)
            yield break;
        var primary = _metrics[0];
        var level = (_context.Results.Plan.Config.Evaluation.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

        if (_context.Wants(MetricBars))
        {
            foreach (var (metrics, title) in BarGroups(rows))
            {
                var estimates = rows.SelectMany(r => metrics.Select(m => Estimate(r, m))).OfType<MetricEstimate>().ToList();
                // Metrics that apply to none of the rows (rmse of ranking-only models) leave nothing to draw.
                if (estimates.Count == 0)
                {
                    _context.Skip(MetricBars, $"{string.Join(", ", metrics)} has no value for any algorithm of {table.Dataset} · {table.Split}");
                    continue;
                }
                yield return (StandardPlots.MetricBars(estimates, title + " · " + table.Split),
                    $"Error bars: {level} bootstrap intervals of the mean over test users (none for catalogue-level metrics).");
            }
        }
        if (_context.Wants(MetricAtK))
        {
            foreach (var (name, lengths) in _curves)
            {
                var curves = rows.Select(r => new MetricCurve(r.Configuration, lengths.Select(l => l.N).ToList(),
                    lengths.Select(l => Value(r, l.Name)).ToList()));
                yield return (Titled(StandardPlots.MetricAtN(name, curves), table), $"{name} at each measured list length: how the ranking holds up deeper in the list.");
            }
        }
        if (_context.Wants(FitCost))
        {
            var costs = rows.Where(r => double.IsFinite(r.FitSeconds) && double.IsFinite(Value(r, primary)))
                .Select(r => new FitCost(r.Configuration, r.FitSeconds, Value(r, primary))).ToList();
            if (costs.Count > 0)
                yield return (Titled(StandardPlots.FitTimeVsAccuracy(primary, costs), table),
                    "Mean fit time per cell (log scale) against accuracy: up and to the left is cheap and good. Times depend on the machine and its load.");
            else
                _context.Skip(FitCost, $"{primary} has no value for any algorithm of {table.Dataset} · {table.Split}");
        }
        if (_context.Wants(GridSearch))
        {
            foreach (var algorithm in _grids)
            {
                if (Grid(algorithm, table, primary) is { } scores)
                    yield return (StandardPlots.GridSearchHeatmap(scores, $"{primary} of {algorithm.Label} over {scores.XName} \u00d7 {scores.YName} · {table.Split}"),
                        $"{primary} of {algorithm.Label} at each point of its grid.");
            }
        }
        if (_context.Wants(PerUser))
        {
            var metric = _metrics.FirstOrDefault(m => rows.Any(r => r.Metrics.FirstOrDefault(x => x.Name == m)?.PerUser.Length > 0));
            if (metric is not null)
            {
                var series = rows.Select(r => new NamedValues(Category(r),
                    Array.ConvertAll(r.Metrics.First(m => m.Name == metric).PerUser, v => Math.Round(v, PerUserDecimals))));
                yield return (Titled(StandardPlots.PerUserDistribution(metric, series), table),
                    $"{metric} of each test user: box from the first to the third quartile, line at the median, dashed line at the mean, points beyond the whiskers are single users. " +
                    "When half or more of some algorithm's users score exactly 0 (none of their test items in the list), the boxes show the users above 0 and each label gives their share.");
            }
        }
    }

    /// <summary>
    /// Metrics that share a scale go in one chart: per-user means in [0, 1] (the accuracy metrics) together, every
    /// other metric (coverage, novelty, RMSE, ...) alone, so no bar is dwarfed by another metric's units.
    /// </summary>
    private List<(List<string> Metrics, string Title)> BarGroups(List<ResultRow> rows)
    {
        var shared = new List<string>();
        var alone = new List<string>();
        foreach (var name in _metrics)
        {
            var values = rows.Select(r => r.Metrics.FirstOrDefault(m => m.Name == name)).OfType<MetricResult>().ToList();
            if (values.Count > 0 && values.All(m => m.IsUserMean && (double.IsNaN(m.Value) || m.Value is >= 0 and <= 1)))
                shared.Add(name);
            else
                alone.Add(name);
        }
        var groups = new List<(List<string>, string)>();
        if (shared.Count > 0)
            groups.Add((shared, shared.Count == 1 ? shared[0] + " by algorithm" : "Accuracy by algorithm"));
        groups.AddRange(alone.Select(m => (new List<string> { m }, m + " by algorithm")));
        return groups;
    }

    /// <summary>The split's name after the standard title, so a chart seen alone still says which split it shows.</summary>
    private static GenericChart Titled(GenericChart chart, ResultTable table) =>
        GenericChart.getLayout(chart).TryGetTypedPropertyValue<Title>("title")?.Value.TryGetTypedPropertyValue<string>("text")?.Value is { } title
            ? chart.WithTitle(title + " · " + table.Split)
            : chart;

    private static MetricEstimate? Estimate(ResultRow row, string name) =>
        row.Metrics.FirstOrDefault(m => m.Name == name) is { } m && !double.IsNaN(m.Value)
            ? new MetricEstimate(Category(row), name, m.Value, m.CiLow ?? double.NaN, m.CiHigh ?? double.NaN)
            : null;

    /// <summary>
    /// A configuration as an x-axis category: one grid value per line (plotly breaks labels at &lt;br&gt;), so long
    /// grid labels stay short instead of being rotated into the axis title.
    /// </summary>
    internal static string Category(ResultRow row) =>
        row.Parameters.Length == 0 ? row.Configuration : row.Algorithm + "<br>" + row.Parameters.Replace(" ", "<br>", StringComparison.Ordinal);

    private static double Value(ResultRow row, string name) => row.Metrics.FirstOrDefault(m => m.Name == name)?.Value ?? double.NaN;

    /// <summary>The primary metric over a two-axis grid: the first axis along x, the second along y, as the file lists them.</summary>
    private static GridSearchScores? Grid(Schema.AlgorithmConfig algorithm, ResultTable table, string metric)
    {
        var (x, y) = (algorithm.Grid[0], algorithm.Grid[1]);
        var xValues = x.Values.Select(OptionsBinder.Format).ToList();
        var yValues = y.Values.Select(OptionsBinder.Format).ToList();
        var (xName, yName) = (YamlNames.Snake(x.Option), YamlNames.Snake(y.Option));
        // The configuration label as ExperimentPlan writes it: "label axis1=v1 axis2=v2".
        var byLabel = table.Rows.ToDictionary(r => r.Configuration, StringComparer.Ordinal);
        var values = yValues.Select(yv => (IReadOnlyList<double>)xValues.Select(xv =>
            byLabel.TryGetValue($"{algorithm.Label} {xName}={xv} {yName}={yv}", out var row) ? Value(row, metric) : double.NaN).ToList()).ToList();
        if (values.All(r => r.All(double.IsNaN)))
            return null;
        return new GridSearchScores(metric, xName, xValues, yName, yValues, values);
    }
}
