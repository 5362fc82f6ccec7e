using Plotly.NET;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>
    /// A metric per simulated day for each A/B arm: the mean as a line over a translucent confidence band
    /// (Plotly.NET's range chart). Each arm is three traces (lower bound, upper bound filled to it, mean) sharing one
    /// legend entry.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="arms">One series per arm.</param>
    /// <exception cref="ArgumentException">An arm's lists differ in length.</exception>
    public static GenericChart AbDaily(string metric, IEnumerable<ArmDailySeries> arms)
    {
        var bands = new List<GenericChart>();
        var lastDay = 0;
        foreach (var arm in arms)
        {
            RequireSameLength(arm.Arm, ("days", arm.Days.Count), ("means", arm.Mean.Count), ("lows", arm.Low.Count), ("highs", arm.High.Count));
            lastDay = arm.Days.Count > 0 ? Math.Max(lastDay, arm.Days.Max()) : lastDay;
            var index = bands.Count;
            bands.Add(Chart.Range<int, double, string>(arm.Days, arm.Mean, arm.High, arm.Low, StyleParam.Mode.Lines_Markers,
                    Name: arm.Arm, GroupName: arm.Arm, LineColor: PlotStyle.Color(index), RangeColor: PlotStyle.Translucent(index, 0.2), UseDefaults: false)
                .Restyle((i, t) =>
                {
                    // Plotly.NET's range chart names its bounds "lower" and "upper" and lists them in the legend.
                    t.RemoveProperty("legendgrouptitle");
                    if (i < 2)
                    {
                        t.With("name", arm.Arm + (i == 0 ? " lower" : " upper")).With("mode", "lines").With("showlegend", false)
                            .With("line", new Line().With("width", 0).With("color", PlotStyle.Hex(index))).With("hoverinfo", "skip")
                            .RemoveProperty("marker");
                        return;
                    }

                    t.With("line", new Line().With("width", 2).With("color", PlotStyle.Hex(index)))
                        .With("marker", new Marker().With("size", 4).With("color", PlotStyle.Hex(index)))
                        .With("hovertemplate", "%{fullData.name}: %{y:.4f}<extra></extra>");
                }));
        }

        var layout = PlotStyle.Layout(metric + " per day by arm", DayAxis(lastDay), PlotStyle.Axis(metric)).With("hovermode", "x unified");
        return Chart.Combine(bands).WithLayout(layout);
    }

    /// <summary>Whole days only: plotly would otherwise put ticks at day 0.5 on a short test.</summary>
    private static Plotly.NET.LayoutObjects.LinearAxis DayAxis(int lastDay) =>
        PlotStyle.Axis("day", "linear").With("dtick", Math.Max(1, Math.Ceiling(lastDay / 10.0)));

    /// <summary>
    /// Uplift over control with confidence intervals: one point and error bar per comparison, and a bold zero line
    /// so "the interval excludes zero" is visible at a glance.
    /// </summary>
    /// <param name="metric">The metric compared.</param>
    /// <param name="estimates">One estimate per comparison.</param>
    /// <param name="relative">Whether uplifts are fractions of control (the axis is then labelled in percent).</param>
    public static GenericChart Uplift(string metric, IEnumerable<UpliftEstimate> estimates, bool relative = true)
    {
        var list = estimates.ToList();
        var uplift = list.Select(e => e.Uplift).ToArray();
        var format = relative ? ".2%" : ".4f";
        var points = Chart.Point<string, double, string>(list.Select(e => e.Label).ToArray(), uplift, Name: "uplift", UseDefaults: false)
            .Restyle(t => t
                .With("marker", new Marker().With("size", 11).With("symbol", "diamond").With("color", PlotStyle.Hex(0)))
                .With("error_y", ErrorBars(uplift, [.. list.Select(e => e.Low)], [.. list.Select(e => e.High)]).With("thickness", 2).With("width", 8))
                .With("hovertemplate", "%{x}: %{y:" + format + "}<extra></extra>"));
        var xAxis = PlotStyle.Axis("comparison", "category");
        var yAxis = PlotStyle.Axis((relative ? "relative uplift in " : "uplift in ") + metric)
            .With("zeroline", true).With("zerolinecolor", "#222222").With("zerolinewidth", 2)
            .With("tickformat", relative ? ".1%" : null);
        return points.WithLayout(PlotStyle.Layout("Uplift in " + metric + " over control", xAxis, yAxis).With("showlegend", false));
    }
}
