using System.Globalization;

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

    public static string Color(int index) => Palette[index % Palette.Length];

    /// <summary>A palette color made translucent, for confidence bands.</summary>
    public static string Translucent(int index, double alpha)
    {
        var hex = Color(index);
        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha})");
    }

    public static Axis Axis(string title, AxisType? type = null) => new()
    {
        Title = title,
        Type = type,
        GridColor = GridColor,
        ZeroLineColor = "#bbbbbb",
        // Long algorithm names are rotated; without it they run into the axis title.
        AutoMargin = true,
    };

    public static Layout Layout(string title, Axis xAxis, Axis yAxis) => new()
    {
        Title = new Title { Text = title, X = 0.02, XAnchor = HorizontalAnchor.Left },
        XAxis = xAxis,
        YAxis = yAxis,
        Colorway = Palette,
        Font = new Font { Family = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif", Size = 13, Color = "#222222" },
        PaperBackgroundColor = "#ffffff",
        PlotBackgroundColor = "#ffffff",
        Margin = new Margin { Left = 70, Right = 30, Top = 60, Bottom = 60 },
    };

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
