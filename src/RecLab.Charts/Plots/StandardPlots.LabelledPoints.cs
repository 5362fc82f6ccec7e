using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>Fits faster than this are drawn at it: a log axis has no zero.</summary>
    private const double FloorSeconds = 1e-3;

    /// <summary>
    /// Accuracy against fitting time on a log time axis, one labelled point per algorithm. Labels are placed so that
    /// none covers another or a point, however close two algorithms land (a crowded label is moved out and joined to
    /// its point by a thin line). Times under a millisecond are drawn at 1 ms; the hover text keeps the measured time.
    /// </summary>
    /// <param name="metric">The accuracy metric on the y axis.</param>
    /// <param name="costs">One point per algorithm.</param>
    public static GenericChart FitTimeVsAccuracy(string metric, IEnumerable<FitCost> costs)
    {
        var list = costs.ToList();
        var points = list.Select(c => new LabelledPoint(c.Algorithm, Math.Max(c.FitSeconds, FloorSeconds), c.Value,
            "%{text}<br>fit " + FormatSeconds(c.FitSeconds) + "<br>" + metric + " = %{y:.4f}<extra></extra>")).ToList();
        return LabelledScatter(points, "Accuracy vs fit time", PlotStyle.Axis("fit time (s, log scale)", "log"), PlotStyle.Axis(metric), logX: true);
    }

    /// <summary>
    /// Does the offline metric pick the algorithm that wins online? One labelled point per algorithm: its offline
    /// metric along x, its A/B arm's outcome along y with the outcome's confidence interval. Labels are placed as in
    /// <see cref="FitTimeVsAccuracy"/>.
    /// </summary>
    /// <param name="offlineMetric">The offline metric, e.g. <c>ndcg@10 (held-out log)</c>.</param>
    /// <param name="onlineMetric">The online outcome, e.g. <c>CTR over 14 days (95% interval)</c>.</param>
    /// <param name="points">One point per algorithm.</param>
    public static GenericChart OfflineVsOnline(string offlineMetric, string onlineMetric, IEnumerable<OfflineOnlinePoint> points)
    {
        var list = points.ToList();
        var labelled = list.Select(p => new LabelledPoint(p.Algorithm, p.Offline, p.Online,
            "%{text}<br>" + offlineMetric + " = %{x:.4f}<br>" + onlineMetric + " = %{y:.4f}<extra></extra>", p.OnlineLow, p.OnlineHigh)).ToList();
        return LabelledScatter(labelled, "Offline " + offlineMetric + " against online " + onlineMetric,
            PlotStyle.Axis(offlineMetric), PlotStyle.Axis(onlineMetric), logX: false);
    }

    private sealed record LabelledPoint(string Label, double X, double Y, string Hover, double Low = double.NaN, double High = double.NaN);

    /// <summary>One point per label (own color, no legend), the labels as annotations where <see cref="LabelPlacement"/> found room.</summary>
    private static GenericChart LabelledScatter(List<LabelledPoint> points, string title, LinearAxis xAxis, LinearAxis yAxis, bool logX)
    {
        var traces = points.Select((p, i) => Chart.Point<double, double, string>([p.X], [p.Y], Name: p.Label, MultiText: new[] { p.Label }, UseDefaults: false)
            .Restyle(t => t
                .With("marker", new Marker().With("size", 10).With("color", PlotStyle.Hex(i)))
                .With("error_y", double.IsFinite(p.Low) || double.IsFinite(p.High) ? ErrorBars([p.Y], [p.Low], [p.High]).With("thickness", 1.5).With("width", 4).With("color", PlotStyle.Hex(i)) : null)
                .With("hovertemplate", p.Hover)));

        var xRange = logX ? PaddedLogRange(points.Select(p => p.X)) : PaddedRange(points.Select(p => p.X));
        var yRange = PaddedRange(points.SelectMany(p => new[] { p.Y, p.Low, p.High }));
        var layout = PlotStyle.Layout(title, xAxis.With("range", xRange), yAxis.With("range", yRange)).With("showlegend", false);
        if (xRange is not null && yRange is not null)
        {
            double X(double x) => logX ? Math.Log10(x) : x;
            var fx = points.Select(p => (X(p.X) - xRange[0]) / (xRange[1] - xRange[0])).ToArray();
            var fy = points.Select(p => (p.Y - yRange[0]) / (yRange[1] - yRange[0])).ToArray();
            var offsets = LabelPlacement.Place(fx, fy, points.Select(p => p.Label).ToArray());
            // Annotations on a log axis take the exponent.
            layout.With("annotations", points.Select((p, i) => Label(p.Label, X(p.X), p.Y, offsets[i])).ToArray());
        }

        return Chart.Combine(traces).WithLayout(layout);
    }

    /// <summary>A label beside its point, or joined to it by a thin line when placed farther out.</summary>
    private static Annotation Label(string text, double x, double y, LabelPlacement.Offset offset)
    {
        var label = new Annotation().With("x", x).With("y", y).With("text", text).With("font", new Font().With("size", 12));
        return offset.Leader
            ? label.With("showarrow", true).With("ax", Math.Round(offset.X)).With("ay", Math.Round(offset.Y))
                .With("arrowhead", 0).With("arrowwidth", 1).With("arrowcolor", "#999999").With("standoff", 6)
            : label.With("showarrow", false).With("xshift", Math.Round(offset.X)).With("yshift", -Math.Round(offset.Y));
    }

    /// <summary>
    /// A log-axis range (in decades) around the values with a fifth of the span (at least one decade) on each side, so
    /// labels beside the outermost points stay inside; null for no values (plotly then picks the range).
    /// </summary>
    internal static double[]? PaddedLogRange(IEnumerable<double> values)
    {
        var logs = values.Where(v => v > 0 && double.IsFinite(v)).Select(Math.Log10).ToList();
        if (logs.Count == 0)
            return null;
        var (low, high) = (logs.Min(), logs.Max());
        var pad = 0.2 * Math.Max(high - low, 1);
        return [low - pad, high + pad];
    }

    /// <summary>A linear range with an eighth of the span (or of the value, when all are equal) on each side, for labels above and below.</summary>
    internal static double[]? PaddedRange(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
            return null;
        var (low, high) = (finite.Min(), finite.Max());
        var span = high > low ? high - low : Math.Max(Math.Abs(high), 1e-3);
        return [low - span / 8, high + span / 8];
    }

    private static string FormatSeconds(double seconds) =>
        seconds < 1
            ? (seconds * 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms"
            : seconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
