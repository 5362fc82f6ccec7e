using System.Globalization;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>How many decades below alpha's the p-value axis goes at most: below that, every p says the same.</summary>
    internal const int PValueDecadesBelowAlpha = 4;

    /// <summary>
    /// P-values of A/B comparisons per day on a log axis: the naive daily p as a solid line, the always-valid p
    /// dashed in the same color, and a dotted line at alpha, so a naive peek that would have stopped early shows as
    /// a solid line dipping under alpha while the dashed one stays above. The axis ends four decades below alpha's
    /// (1e-6 for α = 0.05): a large test reaches p = 1e-170, and an axis that long would press alpha against its top
    /// edge. Smaller p-values are drawn on the bottom line as downward triangles; the hover text keeps the exact p.
    /// </summary>
    /// <param name="comparisons">One series per (metric, treatment arm).</param>
    /// <param name="alpha">The significance level drawn as a reference line.</param>
    /// <exception cref="ArgumentException">A series' lists differ in length.</exception>
    public static GenericChart AbPValues(IEnumerable<DailyPValues> comparisons, double alpha)
    {
        var list = comparisons.ToList();
        foreach (var c in list)
            RequireSameLength(c.Name, ("days", c.Days.Count), ("p-values", c.PValue.Count), ("always-valid p-values", c.AlwaysValidPValue.Count));
        var days = list.SelectMany(c => c.Days).ToList();
        var smallest = list.SelectMany(c => c.PValue.Concat(c.AlwaysValidPValue)).Where(p => p > 0).DefaultIfEmpty(1).Min();
        var alphaDecade = Math.Floor(Math.Log10(alpha));
        // At least one decade under alpha, so a line just below it is seen below it.
        var bottom = Math.Max(alphaDecade - PValueDecadesBelowAlpha, Math.Min(Math.Floor(Math.Log10(smallest)), alphaDecade - 1));
        var floor = Math.Pow(10, bottom);

        var lines = new List<GenericChart>();
        for (var index = 0; index < list.Count; index++)
        {
            lines.Add(PValueLine(list[index].Name + " · daily p", list[index].Days, list[index].PValue, index, StyleParam.DrawingStyle.Solid, list[index].Name, floor));
            lines.Add(PValueLine(list[index].Name + " · always-valid p", list[index].Days, list[index].AlwaysValidPValue, index, StyleParam.DrawingStyle.Dash, list[index].Name, floor));
        }

        if (days.Count > 0)
        {
            lines.Add(Chart.Line<int, double, string>([days.Min(), days.Max()], [alpha, alpha],
                    Name: "\u03b1 = " + alpha.ToString("0.###", CultureInfo.InvariantCulture),
                    LineColor: Color.fromString("#444444"), LineWidth: 1, LineDash: StyleParam.DrawingStyle.Dot, UseDefaults: false)
                .Restyle(t => t.With("hoverinfo", "skip")));
        }

        var clipped = smallest < floor;
        var decades = Enumerable.Range(0, (int)-bottom + 1).Select(k => -k).ToArray();
        var yAxis = PlotStyle.Axis("p-value (log scale)", "log")
            .With("range", new[] { bottom - 0.15, 0.1 })
            .With("tickmode", "array")
            .With("tickvals", decades.Select(d => Math.Pow(10, d)).ToArray())
            .With("ticktext", decades.Select(d => (clipped && d == bottom ? "\u2264 " : "") + Decade(d)).ToArray());
        var layout = PlotStyle.Layout("P-values per day: naive daily peek vs always-valid", DayAxis(days.Count > 0 ? days.Max() : 0), yAxis)
            .With("hovermode", "closest");
        return Chart.Combine(lines).WithLayout(layout);
    }

    /// <summary>1, 0.1, 0.01, 0.001, then 1e-4, 1e-5, ...: the tick labels of a p-value axis.</summary>
    private static string Decade(int exponent) =>
        exponent >= -3 ? Math.Pow(10, exponent).ToString("0.###", CultureInfo.InvariantCulture) : "1e" + exponent.ToString(CultureInfo.InvariantCulture);

    /// <summary>A p-value line: values under <paramref name="floor"/> drawn on it as downward triangles, the exact p in the hover text.</summary>
    private static GenericChart PValueLine(string name, IReadOnlyList<int> days, IReadOnlyList<double> values, int index, StyleParam.DrawingStyle dash, string group, double floor) =>
        Chart.Line<int, IConvertible, string>(days, PlotlyAttributes.Gaps(values.Select(p => p < floor ? floor : p)), Name: name,
                LineColor: PlotStyle.Color(index), LineWidth: 2, LineDash: dash, UseDefaults: false)
            .Restyle(t => t
                .With("mode", "lines+markers")
                .With("marker", new Marker().With("size", 5).With("color", PlotStyle.Hex(index))
                    .With("symbol", values.Select(p => p < floor ? "triangle-down" : "circle").ToArray()))
                .With("legendgroup", group)
                .With("customdata", PlotlyAttributes.Gaps(values))
                .With("hovertemplate", "%{fullData.name}, day %{x}: p = %{customdata:.3g}<extra></extra>"));
}
