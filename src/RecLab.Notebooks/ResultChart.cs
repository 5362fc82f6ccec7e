using Microsoft.FSharp.Core;
using Plotly.NET;
using RecLab.Charts;
using RecLab.Charts.Plots;
using RecLab.Data;
using RecLab.Evaluation;

namespace RecLab.Notebooks;

/// <summary>Evaluation results as RecLab's standard charts.</summary>
public static class ResultChart
{
    /// <summary>One bar per algorithm for <paramref name="metric"/> (e.g. <c>ndcg@10</c>), with its confidence interval.</summary>
    /// <exception cref="KeyNotFoundException">A result lacks the metric.</exception>
    public static GenericChart MetricBars(IEnumerable<CrossValidationResult> results, string metric) =>
        StandardPlots.MetricBars(results.Select(r => Estimate(r.Label, r[metric])), metric + " by algorithm");

    /// <summary>One bar per evaluated model for <paramref name="metric"/>.</summary>
    /// <exception cref="KeyNotFoundException">A result lacks the metric.</exception>
    public static GenericChart MetricBars(IEnumerable<EvaluationResult> results, string metric) =>
        StandardPlots.MetricBars(results.Select(r => Estimate(r.Algorithm, r[metric])), metric + " by algorithm");

    /// <summary>A metric per configuration of an experiment's result table, with its confidence interval.</summary>
    /// <exception cref="InvalidOperationException">A row lacks the metric.</exception>
    public static GenericChart MetricBars(Experiments.Results.ResultTable table, string metric) =>
        StandardPlots.MetricBars(table.Rows.Select(r => Estimate(r.Configuration, r.Metrics.First(m => m.Name == metric))),
            $"{metric} by configuration ({table.Dataset}, {table.Split})");

    /// <summary>
    /// A two-axis grid of an experiment (<c>grid:</c> with two options) as a heatmap of <paramref name="metric"/>:
    /// the rows of <paramref name="algorithm"/> are placed by their parameter text (<c>neighbors=20 weighting=bm25</c>),
    /// values in the order they first appear. Cells of the grid without a result stay empty (NaN).
    /// </summary>
    /// <param name="table">An experiment's result table.</param>
    /// <param name="algorithm">The algorithm's name in the experiment file.</param>
    /// <param name="metric">The metric to show, e.g. <c>ndcg@10</c>.</param>
    /// <param name="x">The grid option along x, as written in the file (e.g. <c>neighbors</c>).</param>
    /// <param name="y">The grid option along y.</param>
    /// <exception cref="ArgumentException">No row of <paramref name="algorithm"/> has both options.</exception>
    public static GenericChart GridHeatmap(Experiments.Results.ResultTable table, string algorithm, string metric, string x, string y)
    {
        var points = new List<(string X, string Y, double Value)>();
        foreach (var row in table.Rows.Where(r => r.Algorithm == algorithm))
        {
            var values = row.Parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (values.TryGetValue(x, out var xValue) && values.TryGetValue(y, out var yValue))
                points.Add((xValue, yValue, row.Metrics.First(m => m.Name == metric).Value));
        }
        if (points.Count == 0)
            throw new ArgumentException($"No configuration of '{algorithm}' in {table.Dataset}, {table.Split} has both '{x}' and '{y}' in its grid.", nameof(algorithm));
        var xs = points.Select(p => p.X).Distinct().ToList();
        var ys = points.Select(p => p.Y).Distinct().ToList();
        var grid = ys.Select(_ => Enumerable.Repeat(double.NaN, xs.Count).ToArray()).ToArray();
        foreach (var (px, py, value) in points)
            grid[ys.IndexOf(py)][xs.IndexOf(px)] = value;
        var scores = new GridSearchScores(metric, x, xs, y, ys, [.. grid.Select(r => (IReadOnlyList<double>)r)]);
        return StandardPlots.GridSearchHeatmap(scores, $"{algorithm}: {metric} over {x} \u00d7 {y}");
    }

    /// <summary>
    /// Accuracy against fitting time (log scale), one point per algorithm: what each extra point of accuracy costs.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A result lacks the metric.</exception>
    public static GenericChart FitTimeVsAccuracy(IEnumerable<CrossValidationResult> results, string metric) =>
        StandardPlots.FitTimeVsAccuracy(metric, results.Select(r => new FitCost(r.Label, r.FitTime.TotalSeconds, r[metric].Value)));

    /// <summary>
    /// Lines of a value against a whole-number setting, one per curve: a parameter sweep (RMSE against shrinkage or
    /// neighbours) or a learning curve (loss against epoch, e.g. <see cref="FitLog.LossCurve"/>). The y axis fits the
    /// data rather than starting at zero, so small differences in RMSE stay visible.
    /// </summary>
    /// <param name="title">The chart title.</param>
    /// <param name="x">The setting along x, e.g. <c>epoch</c>.</param>
    /// <param name="y">The value along y, e.g. <c>RMSE</c>.</param>
    /// <param name="curves">One curve per series; its <see cref="MetricCurve.N"/> are the x values.</param>
    /// <param name="logX">A log x axis (for settings spaced by factors, such as 5, 10, 20, 40).</param>
    public static GenericChart Curves(string title, string x, string y, IEnumerable<MetricCurve> curves, bool logX = false)
    {
        var chart = Restyle(StandardPlots.MetricAtN(y, curves), t => t.SetProperty("hovertemplate", "%{fullData.name}<br>" + x + " = %{x}<br>" + y + " = %{y:.4f}<extra></extra>"));
        var layout = GenericChart.getLayout(chart);
        Axis(layout, "xaxis").SetProperty("type", logX ? "log" : "linear");
        Axis(layout, "yaxis").RemoveProperty("rangemode");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: x);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: y);
        return chart.WithTitle(title);
    }

    /// <summary>
    /// What the principal axes of a <see cref="FactorMap"/> separate: the correlation between each feature of
    /// <paramref name="field"/> (e.g. each genre) and the coordinate on each axis, as a heatmap centred on zero.
    /// </summary>
    public static GenericChart FactorCorrelations(FactorMap map, ItemFeatures features, string field)
    {
        var rows = map.Correlations(features, field);
        var axes = Enumerable.Range(1, map.Axes).Select(a => $"axis {a} ({map.VarianceShares[a - 1]:0%})").ToArray();
        var scores = new GridSearchScores("correlation", "principal axis of the item factors", axes, field,
            [.. rows.Select(r => r.Feature)], [.. rows.Select(r => (IReadOnlyList<double>)r.Correlations)]);
        var limit = Math.Max(0.05, rows.SelectMany(r => r.Correlations).Select(Math.Abs).DefaultIfEmpty(0).Max());
        var chart = Restyle(StandardPlots.GridSearchHeatmap(scores, $"Which {field} sits where along the factors' principal axes"), t =>
        {
            t.SetProperty("colorscale", "RdBu");
            t.SetProperty("zmin", -limit);
            t.SetProperty("zmax", limit);
            t.SetProperty("texttemplate", "%{z:.2f}");
            t.SetProperty("hovertemplate", "%{y} vs %{x}<br>correlation = %{z:.3f}<extra></extra>");
        });
        GenericChart.getLayout(chart).SetProperty("height", Math.Max(360, 120 + 24 * rows.Count));
        return chart;
    }

    /// <summary>Sets plotly.js attributes on every trace (Plotly.NET's objects are dynamic; its C# surface has no parameter for these).</summary>
    private static GenericChart Restyle(GenericChart chart, Action<Trace> style) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            style(trace);
            return trace;
        }), chart);

    private static DynamicObj.DynamicObj Axis(Layout layout, string name) => (DynamicObj.DynamicObj)layout.GetPropertyValue(name);

    private static MetricEstimate Estimate(string algorithm, MetricResult metric) =>
        new(algorithm, metric.Name, metric.Value, metric.CiLow ?? double.NaN, metric.CiHigh ?? double.NaN);
}
