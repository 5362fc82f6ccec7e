namespace RecLab.Charts.Plots;

/// <summary>
/// The lab's standard plots: functions from plain result values to <see cref="Figure"/>s. Series keep the order
/// in which their names first appear in the input, so charts list algorithms as the experiment did.
/// </summary>
public static partial class StandardPlots
{
    /// <summary>
    /// Mean metric per algorithm with confidence-interval error bars: algorithms along x, one bar series per metric,
    /// grouped side by side.
    /// </summary>
    /// <param name="estimates">One estimate per (algorithm, metric); a missing pair leaves a gap.</param>
    /// <param name="title">The chart title.</param>
    public static Figure MetricBars(IEnumerable<MetricEstimate> estimates, string title = "Accuracy by algorithm")
    {
        var list = estimates.ToList();
        var algorithms = PlotStyle.Distinct(list.Select(e => e.Algorithm));
        var metrics = PlotStyle.Distinct(list.Select(e => e.Metric));
        var traces = new List<Trace>(metrics.Count);
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
            traces.Add(new Bar
            {
                Name = metric,
                X = algorithms.ToArray(),
                Y = mean,
                ErrorY = hasInterval ? ErrorBars.FromBounds(mean, low, high) with { Thickness = 1.5, Width = 4 } : null,
                HoverTemplate = "%{x}<br>%{fullData.name} = %{y:.4f}<extra></extra>",
            });
        }

        var xAxis = PlotStyle.Axis("algorithm", AxisType.Category);
        var yAxis = PlotStyle.Axis(metrics.Count == 1 ? metrics[0] : "value") with { RangeMode = RangeMode.ToZero };
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout(title, xAxis, yAxis) with { BarMode = BarMode.Group, ShowLegend = metrics.Count > 1 },
        };
    }

    /// <summary>A metric against list length N (e.g. 1..50), one line per algorithm.</summary>
    /// <param name="metric">The metric name without "@N", e.g. <c>nDCG</c>.</param>
    /// <param name="curves">One curve per algorithm.</param>
    /// <exception cref="ArgumentException">A curve has a different number of N and values.</exception>
    public static Figure MetricAtN(string metric, IEnumerable<MetricCurve> curves)
    {
        var traces = new List<Trace>();
        foreach (var curve in curves)
            traces.Add(Line(curve.Algorithm, ("N", curve.N.Select(n => (double)n).ToArray()), ("values", curve.Values), 4,
                "%{fullData.name}<br>" + metric + "@%{x} = %{y:.4f}<extra></extra>"));

        var xAxis = PlotStyle.Axis("N (list length)", AxisType.Linear);
        var yAxis = PlotStyle.Axis(metric + "@N") with { RangeMode = RangeMode.ToZero };
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout(metric + "@N by list length", xAxis, yAxis) with { HoverMode = HoverMode.Closest },
        };
    }

    /// <summary>
    /// Precision against recall, one series per algorithm: a single labelled point per algorithm, or a line through
    /// its points when several list lengths are given.
    /// </summary>
    public static Figure PrecisionRecall(IEnumerable<PrecisionRecallPoint> points)
    {
        var list = points.ToList();
        var traces = new List<Trace>();
        foreach (var algorithm in PlotStyle.Distinct(list.Select(p => p.Algorithm)))
        {
            var own = list.Where(p => p.Algorithm == algorithm).OrderBy(p => p.N).ToList();
            traces.Add(new Scatter
            {
                Name = algorithm,
                X = own.Select(p => p.Recall).ToArray(),
                Y = own.Select(p => p.Precision).ToArray(),
                Text = own.Select(p => "@" + p.N).ToArray(),
                Mode = own.Count == 1 ? ScatterMode.Markers : ScatterMode.LinesMarkers,
                Marker = new Marker { Size = 8 },
                HoverTemplate = "%{fullData.name} %{text}<br>recall = %{x:.4f}<br>precision = %{y:.4f}<extra></extra>",
            });
        }

        var xAxis = PlotStyle.Axis("recall") with { RangeMode = RangeMode.ToZero };
        var yAxis = PlotStyle.Axis("precision") with { RangeMode = RangeMode.ToZero };
        return new Figure { Data = traces, Layout = PlotStyle.Layout("Precision vs recall", xAxis, yAxis) };
    }

    /// <summary>
    /// Accuracy against fitting time on a log time axis, one labelled point per algorithm. Times under a millisecond
    /// are drawn at 1 ms (a log axis has no zero); the hover text keeps the measured time.
    /// </summary>
    /// <param name="metric">The accuracy metric on the y axis.</param>
    /// <param name="costs">One point per algorithm.</param>
    public static Figure FitTimeVsAccuracy(string metric, IEnumerable<FitCost> costs)
    {
        const double floorSeconds = 1e-3;
        var list = costs.ToList();
        // Labels alternate above and below in order of accuracy, so two points at similar accuracy do not print over each other.
        var below = list.Select((c, i) => (c.Value, i)).OrderBy(x => x.Value).Select((x, rank) => (x.i, rank % 2 == 1))
            .ToDictionary(x => x.i, x => x.Item2);
        var traces = new List<Trace>();
        for (var i = 0; i < list.Count; i++)
        {
            var cost = list[i];
            traces.Add(new Scatter
            {
                Name = cost.Algorithm,
                X = new[] { Math.Max(cost.FitSeconds, floorSeconds) },
                Y = new[] { cost.Value },
                Text = [cost.Algorithm],
                Mode = ScatterMode.MarkersText,
                TextPosition = below[i] ? "bottom center" : "top center",
                Marker = new Marker { Size = 10 },
                HoverTemplate = "%{text}<br>fit " + FormatSeconds(cost.FitSeconds) + "<br>" + metric + " = %{y:.4f}<extra></extra>",
            });
        }

        var xAxis = PlotStyle.Axis("fit time (s, log scale)", AxisType.Log) with { Range = PaddedLogRange(list.Select(c => Math.Max(c.FitSeconds, floorSeconds))) };
        var yAxis = PlotStyle.Axis(metric);
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout("Accuracy vs fit time", xAxis, yAxis) with { ShowLegend = false },
        };
    }

    /// <summary>
    /// How a cost grows with the data, one line per algorithm on log-log axes: a slope of 1 is linear growth, so
    /// curves parallel to each other grow alike whatever their level.
    /// </summary>
    /// <param name="title">Chart title.</param>
    /// <param name="sizeTitle">What the sizes are (x axis).</param>
    /// <param name="costTitle">What the costs are (y axis).</param>
    /// <param name="curves">One curve per algorithm.</param>
    public static Figure CostBySize(string title, string sizeTitle, string costTitle, IEnumerable<CostCurve> curves)
    {
        var traces = new List<Trace>();
        foreach (var curve in curves)
            traces.Add(Line(curve.Algorithm, ("sizes", curve.Sizes), ("costs", curve.Costs), 6, "%{fullData.name}<br>%{x:,.0f}: %{y:.3~s}<extra></extra>"));
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout(title, PlotStyle.Axis(sizeTitle, AxisType.Log), PlotStyle.Axis(costTitle, AxisType.Log)) with { HoverMode = HoverMode.Closest },
        };
    }

    /// <summary>The distribution of a per-user metric, one box per algorithm (the dashed line is the mean).</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="perUser">Per algorithm, the metric of each user; NaN values (users without a test item) are skipped by plotly.</param>
    public static Figure PerUserDistribution(string metric, IEnumerable<NamedValues> perUser)
    {
        var traces = perUser.Select(series => (Trace)new Box
        {
            Name = series.Name,
            Y = series.Values.ToArray(),
            BoxMean = BoxMean.Mean,
            BoxPoints = BoxPoints.Outliers,
            Marker = new Marker { Size = 3, Opacity = 0.6 },
        }).ToList();
        var xAxis = PlotStyle.Axis("algorithm", AxisType.Category);
        var yAxis = PlotStyle.Axis(metric + " per user");
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout("Per-user " + metric, xAxis, yAxis) with { ShowLegend = false },
        };
    }

    /// <summary>
    /// A log-axis range (in decades) around the values with a fifth of the span (at least one decade) on each side, so
    /// labels centred on the outermost points are not cut off; null for no values (plotly then picks the range).
    /// </summary>
    internal static IReadOnlyList<double>? PaddedLogRange(IEnumerable<double> values)
    {
        var logs = values.Where(v => v > 0 && double.IsFinite(v)).Select(Math.Log10).ToList();
        if (logs.Count == 0)
            return null;
        var (low, high) = (logs.Min(), logs.Max());
        var pad = 0.2 * Math.Max(high - low, 1);
        return [low - pad, high + pad];
    }

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    private static string FormatSeconds(double seconds) =>
        seconds < 1
            ? (seconds * 1000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " ms"
            : seconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>One series as a line with markers, its x and y checked to pair up one to one.</summary>
    private static Scatter Line(string name, (string Name, IReadOnlyList<double> Values) x, (string Name, IReadOnlyList<double> Values) y, int markerSize, string hover)
    {
        RequireSameLength(name, (x.Name, x.Values.Count), (y.Name, y.Values.Count));
        return new Scatter
        {
            Name = name,
            X = x.Values.ToArray(),
            Y = y.Values.ToArray(),
            Mode = ScatterMode.LinesMarkers,
            Marker = new Marker { Size = markerSize },
            HoverTemplate = hover,
        };
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
