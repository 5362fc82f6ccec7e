using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests;

/// <summary>
/// Golden JSON for every trace type. The expected JSON is written by hand from plotly.js's attribute reference
/// (attribute names such as <c>error_y</c>, <c>arrayminus</c>, <c>boxmean</c>, <c>nbinsx</c>, <c>texttemplate</c>).
/// </summary>
public sealed class TraceJsonTests
{
    [Fact]
    public void Bar_with_asymmetric_error_bars()
    {
        var figure = new Figure
        {
            Data =
            [
                new Bar
                {
                    Name = "nDCG@10",
                    X = new[] { "ALS", "BPR" },
                    Y = new[] { 0.31, 0.28 },
                    Text = ["0.310", "0.280"],
                    Marker = new Marker { Color = "#1f77b4", Line = new Line { Color = "#000000", Width = 1 } },
                    ErrorY = new ErrorBars
                    {
                        Type = ErrorBarType.Data,
                        Array = [0.02, 0.01],
                        ArrayMinus = [0.03, 0.015],
                        Symmetric = false,
                        Thickness = 1.5,
                        Width = 4,
                    },
                    HoverTemplate = "%{x}: %{y:.3f}<extra></extra>",
                },
            ],
        };

        JsonAssert.Equal("""
            {
              "data": [{
                "type": "bar",
                "name": "nDCG@10",
                "x": ["ALS", "BPR"],
                "y": [0.31, 0.28],
                "text": ["0.310", "0.280"],
                "marker": { "color": "#1f77b4", "line": { "color": "#000000", "width": 1 } },
                "error_y": { "type": "data", "array": [0.02, 0.01], "arrayminus": [0.03, 0.015], "symmetric": false, "thickness": 1.5, "width": 4 },
                "hovertemplate": "%{x}: %{y:.3f}<extra></extra>"
              }]
            }
            """, figure.ToJson());
    }

    [Fact]
    public void Horizontal_bar_with_symmetric_constant_error_bars()
    {
        var figure = new Figure
        {
            Data =
            [
                new Bar
                {
                    X = new[] { 3, 5 },
                    Y = new[] { "a", "b" },
                    Orientation = Orientation.Horizontal,
                    ErrorX = new ErrorBars { Type = ErrorBarType.Constant, Value = 0.5, Symmetric = true, Visible = true, Color = "gray" },
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [{ "type": "bar", "x": [3, 5], "y": ["a", "b"], "orientation": "h",
                         "error_x": { "type": "constant", "value": 0.5, "symmetric": true, "visible": true, "color": "gray" } }] }
            """, figure.ToJson());
    }

    [Fact]
    public void Scatter_lines_markers_with_dash_and_axis_refs()
    {
        var figure = new Figure
        {
            Data =
            [
                new Scatter
                {
                    Name = "ALS",
                    X = new[] { 1, 2, 3 },
                    Y = new[] { 0.1, 0.2, 0.25 },
                    Mode = ScatterMode.LinesMarkers,
                    Line = new Line { Color = "red", Width = 2, Dash = DashStyle.DashDot },
                    Marker = new Marker { Size = 6, Symbol = "square", Opacity = 0.8 },
                    LegendGroup = "als",
                    ShowLegend = true,
                    Opacity = 0.9,
                    XAxis = "x2",
                    YAxis = "y2",
                    HoverInfo = "x+y",
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [{
                "type": "scatter", "name": "ALS", "x": [1, 2, 3], "y": [0.1, 0.2, 0.25], "mode": "lines+markers",
                "line": { "color": "red", "width": 2, "dash": "dashdot" },
                "marker": { "size": 6, "symbol": "square", "opacity": 0.8 },
                "legendgroup": "als", "showlegend": true, "opacity": 0.9, "xaxis": "x2", "yaxis": "y2", "hoverinfo": "x+y"
            }] }
            """, figure.ToJson());
    }

    [Fact]
    public void Scatter_confidence_band_fills_to_the_previous_trace()
    {
        var figure = new Figure
        {
            Data =
            [
                new Scatter { X = new[] { 1, 2 }, Y = new[] { 0.1, 0.2 }, Mode = ScatterMode.Lines, Line = new Line { Width = 0 }, ShowLegend = false },
                new Scatter
                {
                    X = new[] { 1, 2 },
                    Y = new[] { 0.3, 0.4 },
                    Mode = ScatterMode.Lines,
                    Line = new Line { Width = 0 },
                    Fill = Fill.ToNextY,
                    FillColor = "rgba(31,119,180,0.2)",
                    ShowLegend = false,
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [
                { "type": "scatter", "x": [1, 2], "y": [0.1, 0.2], "mode": "lines", "line": { "width": 0 }, "showlegend": false },
                { "type": "scatter", "x": [1, 2], "y": [0.3, 0.4], "mode": "lines", "line": { "width": 0 },
                  "fill": "tonexty", "fillcolor": "rgba(31,119,180,0.2)", "showlegend": false }
            ] }
            """, figure.ToJson());
    }

    [Fact]
    public void Scatter_markers_text_with_labels_and_error_bars_both_ways()
    {
        var figure = new Figure
        {
            Data =
            [
                new Scatter
                {
                    X = new[] { 0.5 },
                    Y = new[] { 0.2 },
                    Mode = ScatterMode.MarkersText,
                    Text = ["ALS"],
                    TextPosition = "top center",
                    ErrorX = new ErrorBars { Array = [0.1] },
                    ErrorY = new ErrorBars { Array = [0.05], Symmetric = true },
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [{ "type": "scatter", "x": [0.5], "y": [0.2], "mode": "markers+text", "text": ["ALS"],
                         "textposition": "top center", "error_x": { "array": [0.1] }, "error_y": { "array": [0.05], "symmetric": true } }] }
            """, figure.ToJson());
    }

    [Fact]
    public void Box_with_mean_and_outliers()
    {
        var figure = new Figure
        {
            Data =
            [
                new Box
                {
                    Name = "ALS",
                    Y = new[] { 0.0, 0.5, 1.0 },
                    BoxMean = BoxMean.Mean,
                    BoxPoints = BoxPoints.Outliers,
                    Marker = new Marker { Color = "#2ca02c" },
                    Line = new Line { Width = 1 },
                },
                new Box { Name = "BPR", X = new[] { 0.2, 0.4 }, Orientation = Orientation.Horizontal, BoxMean = BoxMean.MeanAndStandardDeviation, BoxPoints = BoxPoints.All },
            ],
        };

        JsonAssert.Equal("""
            { "data": [
                { "type": "box", "name": "ALS", "y": [0, 0.5, 1], "boxmean": true, "boxpoints": "outliers",
                  "marker": { "color": "#2ca02c" }, "line": { "width": 1 } },
                { "type": "box", "name": "BPR", "x": [0.2, 0.4], "orientation": "h", "boxmean": "sd", "boxpoints": "all" }
            ] }
            """, figure.ToJson());
    }

    [Fact]
    public void Histogram_with_bins_and_normalization()
    {
        var figure = new Figure
        {
            Data =
            [
                new Histogram { X = new[] { 1.0, 2.0, 2.5 }, HistNorm = HistNorm.ProbabilityDensity, XBins = new Bins { Start = 0, End = 3, Size = 0.5 }, Opacity = 0.6 },
                new Histogram { X = new[] { 1, 1, 2 }, NBinsX = 20, HistNorm = HistNorm.Percent, Marker = new Marker { Color = "orange" } },
            ],
        };

        JsonAssert.Equal("""
            { "data": [
                { "type": "histogram", "x": [1, 2, 2.5], "histnorm": "probability density", "xbins": { "start": 0, "end": 3, "size": 0.5 }, "opacity": 0.6 },
                { "type": "histogram", "x": [1, 1, 2], "nbinsx": 20, "histnorm": "percent", "marker": { "color": "orange" } }
            ] }
            """, figure.ToJson());
    }

    [Fact]
    public void Heatmap_with_gaps_color_bar_and_cell_text()
    {
        var figure = new Figure
        {
            Data =
            [
                new Heatmap
                {
                    X = new[] { "16", "32" },
                    Y = new[] { "0.01", "0.1" },
                    Z = [[0.1, double.NaN], [0.3, 0.4]],
                    ColorScale = "Viridis",
                    ReverseScale = false,
                    ZMin = 0,
                    ZMax = 1,
                    ShowScale = true,
                    ColorBar = new ColorBar { Title = "nDCG", TickFormat = ".2f" },
                    TextTemplate = "%{z:.3f}",
                },
            ],
        };

        JsonAssert.Equal("""
            { "data": [{
                "type": "heatmap", "x": ["16", "32"], "y": ["0.01", "0.1"], "z": [[0.1, null], [0.3, 0.4]],
                "colorscale": "Viridis", "reversescale": false, "zmin": 0, "zmax": 1, "showscale": true,
                "colorbar": { "title": { "text": "nDCG" }, "tickformat": ".2f" }, "texttemplate": "%{z:.3f}"
            }] }
            """, figure.ToJson());
    }

    [Fact]
    public void Non_finite_numbers_are_written_as_null_gaps()
    {
        var figure = new Figure { Data = [new Scatter { X = new[] { 1.0, 2.0, 3.0 }, Y = new[] { double.NaN, double.PositiveInfinity, 1.0 } }] };

        JsonAssert.Equal("""{ "data": [{ "type": "scatter", "x": [1, 2, 3], "y": [null, null, 1] }] }""", figure.ToJson());
    }

    [Fact]
    public void Unset_fields_are_not_written()
    {
        JsonAssert.Equal("""{ "data": [] }""", new Figure().ToJson());
        JsonAssert.Equal("""{ "data": [{ "type": "bar" }, { "type": "box" }], "layout": {} }""",
            new Figure { Data = [new Bar(), new Box()], Layout = new Layout() }.ToJson());
    }

    [Fact]
    public void Serialization_needs_no_reflection()
    {
        // File-based apps (`dotnet run app.cs`) and AOT builds disable reflection-based System.Text.Json; with only
        // the generated context as resolver, every golden test here would throw if a type lacked generated metadata.
        Assert.IsType<RecLab.Charts.Serialization.PlotlyJsonContext>(RecLab.Charts.Serialization.PlotlyJson.Options.TypeInfoResolver);
    }

    [Fact]
    public void Every_enum_member_has_an_explicit_plotly_name()
    {
        // A member without [JsonStringEnumMemberName] would be written as its C# name, which plotly rejects.
        var enums = typeof(Figure).Assembly.GetExportedTypes().Where(t => t.IsEnum && t != typeof(BoxMean));
        foreach (var type in enums)
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            {
                var attribute = field.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false);
                Assert.True(attribute.Length == 1, $"{type.Name}.{field.Name} has no JsonStringEnumMemberName.");
            }
        }
    }
}
