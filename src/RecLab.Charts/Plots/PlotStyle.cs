using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace RecLab.Charts.Plots;

/// <summary>The explicit look shared by the standard plots (no plotly template, so every host draws them alike).</summary>
internal static class PlotStyle
{
    /// <summary>The D3 category-10 colors, which plotly also cycles by default.</summary>
    public static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public const string GridColor = "#e5e5e5";

    public const string FontFamily = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";

    public static string Hex(int index) => Palette[index % Palette.Length];

    public static Color Color(int index) => Plotly.NET.Color.fromString(Hex(index));

    /// <summary>A palette color made translucent, for confidence bands.</summary>
    public static Color Translucent(int index, double alpha)
    {
        var hex = Hex(index);
        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return Plotly.NET.Color.fromString(string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha})"));
    }

    /// <summary>An axis; <paramref name="type"/> is plotly's axis type (<c>linear</c>, <c>log</c>, <c>category</c>) or null to let plotly infer it.</summary>
    public static LinearAxis Axis(string title, string? type = null) => new LinearAxis()
        .With("title", new Title().With("text", title))
        .With("type", type)
        .With("gridcolor", GridColor)
        .With("zerolinecolor", "#bbbbbb")
        // Long algorithm names are rotated; without it they run into the axis title.
        .With("automargin", true);

    public static Layout Layout(string title, LinearAxis xAxis, LinearAxis yAxis) => new Layout()
        .With("title", new Title().With("text", title).With("x", 0.02).With("xanchor", "left"))
        .With("xaxis", xAxis)
        .With("yaxis", yAxis)
        .With("colorway", Palette)
        .With("font", new Font().With("family", FontFamily).With("size", 13).With("color", "#222222"))
        .With("paper_bgcolor", "#ffffff")
        .With("plot_bgcolor", "#ffffff")
        .With("margin", new Margin().With("l", 70).With("r", 30).With("t", 60).With("b", 60));

    /// <summary>Names in order of first appearance: the order the caller listed algorithms in.</summary>
    public static List<string> Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var name in names)
        {
            if (seen.Add(name))
                ordered.Add(name);
        }

        return ordered;
    }
}
