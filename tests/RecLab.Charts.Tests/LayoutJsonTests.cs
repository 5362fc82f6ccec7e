using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests;

/// <summary>Golden JSON for the layout features, written by hand from plotly.js's layout attribute names.</summary>
public sealed class LayoutJsonTests
{
    [Fact]
    public void Title_axes_legend_margins_and_size()
    {
        var layout = new Layout
        {
            Title = new Title { Text = "Accuracy", X = 0.02, XAnchor = HorizontalAnchor.Left, Font = new Font { Size = 18 } },
            XAxis = new Axis { Title = "fit time (s)", Type = AxisType.Log, Range = [-3, 2], TickFormat = "~s", ShowGrid = true, GridColor = "#eee" },
            YAxis = new Axis
            {
                Title = "nDCG@10",
                Type = AxisType.Linear,
                RangeMode = RangeMode.ToZero,
                TickFormat = ".0%",
                TickAngle = -45,
                ZeroLine = true,
                ZeroLineColor = "#222",
                ZeroLineWidth = 2,
            },
            ShowLegend = true,
            Legend = new Legend
            {
                Orientation = Orientation.Horizontal,
                X = 0,
                Y = -0.2,
                XAnchor = HorizontalAnchor.Left,
                YAnchor = VerticalAnchor.Top,
                Title = "metric",
                BackgroundColor = "rgba(255,255,255,0.5)",
            },
            Margin = new Margin { Left = 60, Right = 20, Top = 40, Bottom = 50, Pad = 4 },
            Height = 400,
            Width = 800,
        };

        JsonAssert.Equal("""
            {
              "data": [],
              "layout": {
                "title": { "text": "Accuracy", "x": 0.02, "xanchor": "left", "font": { "size": 18 } },
                "xaxis": { "title": { "text": "fit time (s)" }, "type": "log", "range": [-3, 2], "tickformat": "~s", "showgrid": true, "gridcolor": "#eee" },
                "yaxis": { "title": { "text": "nDCG@10" }, "type": "linear", "rangemode": "tozero", "tickformat": ".0%", "tickangle": -45,
                           "zeroline": true, "zerolinecolor": "#222", "zerolinewidth": 2 },
                "showlegend": true,
                "legend": { "orientation": "h", "x": 0, "y": -0.2, "xanchor": "left", "yanchor": "top", "title": { "text": "metric" },
                            "bgcolor": "rgba(255,255,255,0.5)" },
                "margin": { "l": 60, "r": 20, "t": 40, "b": 50, "pad": 4 },
                "height": 400,
                "width": 800
              }
            }
            """, new Figure { Layout = layout }.ToJson());
    }

    [Fact]
    public void Bar_and_box_modes_hover_mode_and_category_axis()
    {
        var layout = new Layout
        {
            BarMode = BarMode.Group,
            BoxMode = BoxMode.Overlay,
            HoverMode = HoverMode.XUnified,
            XAxis = new Axis { Type = AxisType.Category },
        };

        JsonAssert.Equal("""
            { "data": [], "layout": { "barmode": "group", "boxmode": "overlay", "hovermode": "x unified", "xaxis": { "type": "category" } } }
            """, new Figure { Layout = layout }.ToJson());
    }

    [Fact]
    public void Annotations_in_paper_and_data_coordinates()
    {
        var layout = new Layout
        {
            Annotations =
            [
                new Annotation { Text = "best", X = 1, Y = 0.3, XRef = "x", YRef = "y", ShowArrow = true },
                new Annotation
                {
                    Text = "n = 610 users",
                    X = 1,
                    Y = 1.05,
                    XRef = "paper",
                    YRef = "paper",
                    ShowArrow = false,
                    XAnchor = HorizontalAnchor.Right,
                    YAnchor = VerticalAnchor.Bottom,
                    Font = new Font { Size = 11, Color = "#666" },
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [], "layout": { "annotations": [
                { "text": "best", "x": 1, "y": 0.3, "xref": "x", "yref": "y", "showarrow": true },
                { "text": "n = 610 users", "x": 1, "y": 1.05, "xref": "paper", "yref": "paper", "showarrow": false,
                  "xanchor": "right", "yanchor": "bottom", "font": { "size": 11, "color": "#666" } }
            ] } }
            """, new Figure { Layout = layout }.ToJson());
    }

    [Fact]
    public void Subplot_grid_writes_numbered_axes_and_traces_refer_to_them()
    {
        var figure = new Figure
        {
            Data =
            [
                new Scatter { X = new[] { 1, 2 }, Y = new[] { 3, 4 } },
                new Bar { X = new[] { "a" }, Y = new[] { 1 }, XAxis = "x2", YAxis = "y2" },
                new Histogram { X = new[] { 1, 2, 2 }, XAxis = "x3", YAxis = "y3" },
            ],
            Layout = new Layout
            {
                Grid = new Grid { Rows = 1, Columns = 3, Pattern = GridPattern.Independent, XGap = 0.1, YGap = 0.2 },
                XAxis = new Axis { Title = "N" },
                ExtraXAxes = [new Axis { Type = AxisType.Category }, new Axis { Title = "value" }],
                ExtraYAxes = [new Axis { Type = AxisType.Log, Matches = "y3" }, new Axis { Anchor = "x3" }],
            },
        };

        JsonAssert.Equal("""
            {
              "data": [
                { "type": "scatter", "x": [1, 2], "y": [3, 4] },
                { "type": "bar", "x": ["a"], "y": [1], "xaxis": "x2", "yaxis": "y2" },
                { "type": "histogram", "x": [1, 2, 2], "xaxis": "x3", "yaxis": "y3" }
              ],
              "layout": {
                "grid": { "rows": 1, "columns": 3, "pattern": "independent", "xgap": 0.1, "ygap": 0.2 },
                "xaxis": { "title": { "text": "N" } },
                "xaxis2": { "type": "category" },
                "xaxis3": { "title": { "text": "value" } },
                "yaxis2": { "type": "log", "matches": "y3" },
                "yaxis3": { "anchor": "x3" }
              }
            }
            """, figure.ToJson());
    }

    [Fact]
    public void Template_free_styling()
    {
        var layout = new Layout
        {
            Font = new Font { Family = "system-ui", Size = 13, Color = "#222" },
            Colorway = ["#1f77b4", "#ff7f0e"],
            PaperBackgroundColor = "#fff",
            PlotBackgroundColor = "#fafafa",
        };

        JsonAssert.Equal("""
            { "data": [], "layout": { "font": { "family": "system-ui", "size": 13, "color": "#222" }, "colorway": ["#1f77b4", "#ff7f0e"],
                                      "paper_bgcolor": "#fff", "plot_bgcolor": "#fafafa" } }
            """, new Figure { Layout = layout }.ToJson());
    }

    [Fact]
    public void Error_bars_from_interval_bounds_hold_distances_to_the_bounds()
    {
        // Binary-exact values, so the expected distances are exact too.
        var bars = ErrorBars.FromBounds([0.5, 0.75], [0.25, 0.75], [0.625, 1.0]);

        JsonAssert.Equal("""{ "data": [{ "type": "bar", "error_y": { "type": "data", "array": [0.125, 0.25], "arrayminus": [0.25, 0], "symmetric": false } }] }""",
            new Figure { Data = [new Bar { ErrorY = bars }] }.ToJson());
        Assert.Throws<ArgumentException>(() => ErrorBars.FromBounds([0.3], [0.2, 0.1], [0.4]));
    }

    [Fact]
    public void Indented_json_means_the_same()
    {
        var figure = new Figure { Data = [new Bar { X = new[] { "a" }, Y = new[] { 1.5 } }], Layout = new Layout { Title = "t" } };

        JsonAssert.Equal(figure.ToJson(), figure.ToJson(indented: true));
        Assert.Contains('\n', figure.ToJson(indented: true));
    }
}
