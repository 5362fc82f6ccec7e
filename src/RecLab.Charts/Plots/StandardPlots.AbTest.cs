namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>
    /// A metric per simulated day for each A/B arm: the mean as a line over a translucent confidence band. Each arm
    /// is three traces (lower bound, upper bound filled to it, mean) sharing one legend entry.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="arms">One series per arm.</param>
    /// <exception cref="ArgumentException">An arm's lists differ in length.</exception>
    public static Figure AbDaily(string metric, IEnumerable<ArmDailySeries> arms)
    {
        var traces = new List<Trace>();
        var index = 0;
        var lastDay = 0;
        foreach (var arm in arms)
        {
            RequireSameLength(arm.Arm, ("days", arm.Days.Count), ("means", arm.Mean.Count), ("lows", arm.Low.Count), ("highs", arm.High.Count));
            var days = arm.Days.ToArray();
            lastDay = days.Length > 0 ? Math.Max(lastDay, days.Max()) : lastDay;
            traces.Add(BandEdge(arm.Arm, "lower", days, arm.Low, index, fill: false));
            traces.Add(BandEdge(arm.Arm, "upper", days, arm.High, index, fill: true));
            traces.Add(new Scatter
            {
                Name = arm.Arm,
                X = days,
                Y = arm.Mean.ToArray(),
                Mode = ScatterMode.LinesMarkers,
                Line = new Line { Color = PlotStyle.Color(index), Width = 2 },
                Marker = new Marker { Size = 4 },
                LegendGroup = arm.Arm,
                HoverTemplate = "%{fullData.name}: %{y:.4f}<extra></extra>",
            });
            index++;
        }

        var xAxis = DayAxis(lastDay);
        var yAxis = PlotStyle.Axis(metric);
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout(metric + " per day by arm", xAxis, yAxis) with { HoverMode = HoverMode.XUnified },
        };
    }

    /// <summary>Whole days only: plotly would otherwise put ticks at day 0.5 on a short test.</summary>
    private static Axis DayAxis(int lastDay) =>
        PlotStyle.Axis("day", AxisType.Linear) with { DTick = Math.Max(1, Math.Ceiling(lastDay / 10.0)) };

    /// <summary>An invisible band edge in the arm's legend group; the upper edge fills down to the lower one.</summary>
    private static Scatter BandEdge(string arm, string side, int[] days, IReadOnlyList<double> values, int index, bool fill) => new()
    {
        Name = arm + " " + side,
        X = days,
        Y = values.ToArray(),
        Mode = ScatterMode.Lines,
        Line = new Line { Width = 0, Color = PlotStyle.Color(index) },
        Fill = fill ? Fill.ToNextY : null,
        FillColor = fill ? PlotStyle.Translucent(index, 0.2) : null,
        LegendGroup = arm,
        ShowLegend = false,
        HoverInfo = "skip",
    };

    /// <summary>
    /// Uplift over control with confidence intervals: one point and error bar per comparison, and a bold zero line
    /// so "the interval excludes zero" is visible at a glance.
    /// </summary>
    /// <param name="metric">The metric compared.</param>
    /// <param name="estimates">One estimate per comparison.</param>
    /// <param name="relative">Whether uplifts are fractions of control (the axis is then labelled in percent).</param>
    public static Figure Uplift(string metric, IEnumerable<UpliftEstimate> estimates, bool relative = true)
    {
        var list = estimates.ToList();
        var uplift = list.Select(e => e.Uplift).ToArray();
        var format = relative ? ".2%" : ".4f";
        var trace = new Scatter
        {
            Name = "uplift",
            X = list.Select(e => e.Label).ToArray(),
            Y = uplift,
            Mode = ScatterMode.Markers,
            Marker = new Marker { Size = 11, Symbol = "diamond", Color = PlotStyle.Color(0) },
            ErrorY = ErrorBars.FromBounds(uplift, list.Select(e => e.Low).ToArray(), list.Select(e => e.High).ToArray()) with { Thickness = 2, Width = 8 },
            HoverTemplate = "%{x}: %{y:" + format + "}<extra></extra>",
        };
        var xAxis = PlotStyle.Axis("comparison", AxisType.Category);
        var yAxis = PlotStyle.Axis((relative ? "relative uplift in " : "uplift in ") + metric) with
        {
            ZeroLine = true,
            ZeroLineColor = "#222222",
            ZeroLineWidth = 2,
            TickFormat = relative ? ".1%" : null,
        };
        return new Figure
        {
            Data = [trace],
            Layout = PlotStyle.Layout("Uplift in " + metric + " over control", xAxis, yAxis) with { ShowLegend = false },
        };
    }
}
