using System.Globalization;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

/// <summary>
/// The lab's standard plots: functions from plain result values to Plotly.NET <see cref="GenericChart"/>s, which
/// can be combined, restyled and laid out in grids like any other Plotly.NET chart. Series keep the order in which
/// their names first appear in the input, so charts list algorithms as the experiment did.
/// </summary>
public static partial class StandardPlots
{
    /// <summary>
    /// Mean metric per algorithm with confidence-interval error bars: algorithms along x, one bar series per metric,
    /// grouped side by side.
    /// </summary>
    /// <param name="estimates">One estimate per (algorithm, metric); a missing pair leaves a gap.</param>
    /// <param name="title">The chart title.</param>
    public static GenericChart MetricBars(IEnumerable<MetricEstimate> estimates, string title = "Accuracy by algorithm")
    {
        var list = estimates.ToList();
        var algorithms = PlotStyle.Distinct(list.Select(e => e.Algorithm));
        var metrics = PlotStyle.Distinct(list.Select(e => e.Metric));
        var bars = new List<GenericChart>(metrics.Count);
        foreach (var metric in metrics)
        {
            var mean = Filled(algorithms.Count);
            var low = Filled(algorithms.Count);
            var high = Filled(algorithms.Count);
            foreach (var e in list.Where(e => e.Metric == metric))
            {
                var i = algorithms.IndexOf(e.Algorithm);
                (mean[i], low[i], high[i]) = (e.Mean, e.Low, e.High);
            }

            var hasInterval = low.Any(double.IsFinite) || high.Any(double.IsFinite);
            bars.Add(Chart.Column<IConvertible, string, string>(PlotlyAttributes.Gaps(mean), Keys: algorithms.ToArray(), Name: metric, UseDefaults: false)
                .Restyle(t => t
                    .With("error_y", hasInterval ? ErrorBars(mean, low, high).With("thickness", 1.5).With("width", 4) : null)
                    .With("hovertemplate", "%{x}<br>%{fullData.name} = %{y:.4f}<extra></extra>")));
        }

        var xAxis = PlotStyle.Axis("algorithm", "category");
        var yAxis = PlotStyle.Axis(metrics.Count == 1 ? metrics[0] : "value").With("rangemode", "tozero");
        return Chart.Combine(bars).WithLayout(PlotStyle.Layout(title, xAxis, yAxis)
            .With("barmode", "group")
            .With("showlegend", metrics.Count > 1));
    }

    /// <summary>A metric against list length N (e.g. 1..50), one line per algorithm.</summary>
    /// <param name="metric">The metric name without "@N", e.g. <c>nDCG</c>.</param>
    /// <param name="curves">One curve per algorithm.</param>
    /// <exception cref="ArgumentException">A curve has a different number of N and values.</exception>
    public static GenericChart MetricAtN(string metric, IEnumerable<MetricCurve> curves)
    {
        var lines = curves.Select(curve => Line(curve.Algorithm, ("N", curve.N.Select(n => (double)n).ToArray()), ("values", curve.Values), 4,
            "%{fullData.name}<br>" + metric + "@%{x} = %{y:.4f}<extra></extra>"));
        var xAxis = PlotStyle.Axis("N (list length)", "linear");
        var yAxis = PlotStyle.Axis(metric + "@N").With("rangemode", "tozero");
        return Chart.Combine(lines).WithLayout(PlotStyle.Layout(metric + "@N by list length", xAxis, yAxis).With("hovermode", "closest"));
    }

    /// <summary>
    /// Precision against recall, one series per algorithm: a single labelled point per algorithm, or a line through
    /// its points when several list lengths are given.
    /// </summary>
    public static GenericChart PrecisionRecall(IEnumerable<PrecisionRecallPoint> points)
    {
        var list = points.ToList();
        var series = PlotStyle.Distinct(list.Select(p => p.Algorithm)).Select(algorithm =>
        {
            var own = list.Where(p => p.Algorithm == algorithm).OrderBy(p => p.N).ToList();
            return Chart.Scatter<double, double, string>(own.Select(p => p.Recall).ToArray(), own.Select(p => p.Precision).ToArray(),
                    own.Count == 1 ? StyleParam.Mode.Markers : StyleParam.Mode.Lines_Markers,
                    Name: algorithm, MultiText: own.Select(p => "@" + p.N.ToString(CultureInfo.InvariantCulture)).ToArray(), UseDefaults: false)
                .Restyle(t => t
                    .With("marker", new Marker().With("size", 8))
                    .With("hovertemplate", "%{fullData.name} %{text}<br>recall = %{x:.4f}<br>precision = %{y:.4f}<extra></extra>"));
        });
        var xAxis = PlotStyle.Axis("recall").With("rangemode", "tozero");
        var yAxis = PlotStyle.Axis("precision").With("rangemode", "tozero");
        return Chart.Combine(series).WithLayout(PlotStyle.Layout("Precision vs recall", xAxis, yAxis));
    }

    /// <summary>
    /// How a cost grows with the data, one line per algorithm on log-log axes: a slope of 1 is linear growth, so
    /// curves parallel to each other grow alike whatever their level.
    /// </summary>
    /// <param name="title">Chart title.</param>
    /// <param name="sizeTitle">What the sizes are (x axis).</param>
    /// <param name="costTitle">What the costs are (y axis).</param>
    /// <param name="curves">One curve per algorithm.</param>
    public static GenericChart CostBySize(string title, string sizeTitle, string costTitle, IEnumerable<CostCurve> curves)
    {
        var lines = curves.Select(curve => Line(curve.Algorithm, ("sizes", curve.Sizes), ("costs", curve.Costs), 6,
            "%{fullData.name}<br>%{x:,.0f}: %{y:.3~s}<extra></extra>"));
        return Chart.Combine(lines).WithLayout(PlotStyle.Layout(title, PlotStyle.Axis(sizeTitle, "log"), PlotStyle.Axis(costTitle, "log"))
            .With("hovermode", "closest"));
    }

    /// <summary>
    /// Asymmetric error bars from interval bounds: lengths <c>high - value</c> above and <c>value - low</c> below
    /// (null where a bound is missing, so that point has no bar).
    /// </summary>
    internal static Error ErrorBars(IReadOnlyList<double> values, IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        var plus = new double[values.Count];
        var minus = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            plus[i] = high[i] - values[i];
            minus[i] = values[i] - low[i];
        }

        return new Error().With("type", "data").With("symmetric", false)
            .With("array", PlotlyAttributes.Gaps(plus)).With("arrayminus", PlotlyAttributes.Gaps(minus));
    }

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    /// <summary>One series as a line with markers, its x and y checked to pair up one to one.</summary>
    private static GenericChart Line(string name, (string Name, IReadOnlyList<double> Values) x, (string Name, IReadOnlyList<double> Values) y, int markerSize, string hover)
    {
        RequireSameLength(name, (x.Name, x.Values.Count), (y.Name, y.Values.Count));
        return Chart.Scatter<double, double, string>(x.Values, y.Values, StyleParam.Mode.Lines_Markers, Name: name, UseDefaults: false)
            .Restyle(t => t.With("marker", new Marker().With("size", markerSize)).With("hovertemplate", hover));
    }

    private static void RequireSameLength(string series, params (string Name, int Count)[] lists)
    {
        foreach (var (name, count) in lists)
        {
            if (count != lists[0].Count)
                throw new ArgumentException($"Series '{series}' has {lists[0].Count} {lists[0].Name} but {count} {name}; they must match one to one.");
        }
    }
}
