namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>
    /// P-values of A/B comparisons per day on a log axis: the naive daily p as a solid line, the always-valid p
    /// dashed in the same color, and a dotted line at alpha, so a naive peek that would have stopped early shows as
    /// a solid line dipping under alpha while the dashed one stays above.
    /// </summary>
    /// <param name="comparisons">One series per (metric, treatment arm).</param>
    /// <param name="alpha">The significance level drawn as a reference line.</param>
    /// <exception cref="ArgumentException">A series' lists differ in length.</exception>
    public static Figure AbPValues(IEnumerable<DailyPValues> comparisons, double alpha)
    {
        var traces = new List<Trace>();
        var index = 0;
        var (first, last) = (int.MaxValue, int.MinValue);
        var smallest = 1.0;
        foreach (var c in comparisons)
        {
            RequireSameLength(c.Name, ("days", c.Days.Count), ("p-values", c.PValue.Count), ("always-valid p-values", c.AlwaysValidPValue.Count));
            var days = c.Days.ToArray();
            if (days.Length > 0)
                (first, last) = (Math.Min(first, days.Min()), Math.Max(last, days.Max()));
            foreach (var p in c.PValue.Concat(c.AlwaysValidPValue))
                smallest = p > 0 && p < smallest ? p : smallest;
            traces.Add(PValueLine(c.Name + " · daily p", days, c.PValue, index, DashStyle.Solid, c.Name));
            traces.Add(PValueLine(c.Name + " · always-valid p", days, c.AlwaysValidPValue, index, DashStyle.Dash, c.Name));
            index++;
        }
        if (first <= last)
        {
            traces.Add(new Scatter
            {
                Name = "\u03b1 = " + alpha.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                X = new[] { first, last },
                Y = new[] { alpha, alpha },
                Mode = ScatterMode.Lines,
                Line = new Line { Color = "#444444", Width = 1, Dash = DashStyle.Dot },
                HoverInfo = "skip",
            });
        }

        var xAxis = DayAxis(Math.Max(last, 0));
        // About eight labelled powers of ten however small the p-values get (a large test reaches 1e-100).
        var decades = Math.Ceiling(-Math.Log10(Math.Min(smallest, alpha)));
        var yAxis = PlotStyle.Axis("p-value (log scale)", AxisType.Log) with { DTick = NiceDecades(decades / 8), TickFormat = ".0e" };
        return new Figure
        {
            Data = traces,
            Layout = PlotStyle.Layout("P-values per day: naive daily peek vs always-valid", xAxis, yAxis) with { HoverMode = HoverMode.Closest },
        };
    }

    /// <summary>The smallest of 1, 2, 5, 10, 20, 50, ... decades at least <paramref name="step"/>: labels at round powers of ten.</summary>
    private static double NiceDecades(double step)
    {
        for (var scale = 1.0; ; scale *= 10)
            foreach (var nice in (ReadOnlySpan<double>)[1, 2, 5])
                if (nice * scale >= step)
                    return nice * scale;
    }

    private static Scatter PValueLine(string name, int[] days, IReadOnlyList<double> values, int index, DashStyle dash, string group) => new()
    {
        Name = name,
        X = days,
        Y = values.ToArray(),
        Mode = ScatterMode.LinesMarkers,
        Line = new Line { Color = PlotStyle.Color(index), Width = 2, Dash = dash },
        Marker = new Marker { Size = 4 },
        LegendGroup = group,
        HoverTemplate = "%{fullData.name}, day %{x}: %{y:.4g}<extra></extra>",
    };
}
