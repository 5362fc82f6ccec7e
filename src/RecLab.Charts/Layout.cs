using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>
/// The layout of a figure (plotly <c>layout</c>): title, axes, legend, margins, size and subplots. Styling is explicit
/// (no plotly template), so a chart looks the same in a report, a notebook and a screenshot.
/// </summary>
public sealed record Layout
{
    /// <summary>The chart title.</summary>
    public Title? Title { get; init; }

    /// <summary>The first x axis (<c>xaxis</c>, referred to as <c>"x"</c>).</summary>
    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; init; }

    /// <summary>The first y axis (<c>yaxis</c>, referred to as <c>"y"</c>).</summary>
    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; init; }

    /// <summary>
    /// Further x axes for subplots: entry i (from 0) is written as <c>xaxis{i + 2}</c> and referred to as <c>"x{i + 2}"</c>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Axis>? ExtraXAxes { get; init; }

    /// <summary>
    /// Further y axes for subplots: entry i (from 0) is written as <c>yaxis{i + 2}</c> and referred to as <c>"y{i + 2}"</c>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Axis>? ExtraYAxes { get; init; }

    /// <summary>A grid of subplots.</summary>
    public Grid? Grid { get; init; }

    /// <summary>Whether the legend is shown; plotly shows it when there are two or more traces.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>The legend's position and style.</summary>
    public Legend? Legend { get; init; }

    /// <summary>The margins.</summary>
    public Margin? Margin { get; init; }

    /// <summary>How bars at the same location are drawn.</summary>
    public BarMode? BarMode { get; init; }

    /// <summary>How boxes at the same location are drawn.</summary>
    public BoxMode? BoxMode { get; init; }

    /// <summary>What hovering shows.</summary>
    public HoverMode? HoverMode { get; init; }

    /// <summary>Text notes on the chart.</summary>
    public IReadOnlyList<Annotation>? Annotations { get; init; }

    /// <summary>The height in pixels; plotly's default is 450.</summary>
    public int? Height { get; init; }

    /// <summary>The width in pixels; unset fills the container.</summary>
    public int? Width { get; init; }

    /// <summary>The default font.</summary>
    public Font? Font { get; init; }

    /// <summary>The trace colors, cycled in order (CSS colors).</summary>
    public IReadOnlyList<string>? Colorway { get; init; }

    /// <summary>The background of the whole chart.</summary>
    [JsonPropertyName("paper_bgcolor")]
    public string? PaperBackgroundColor { get; init; }

    /// <summary>The background of the plot area.</summary>
    [JsonPropertyName("plot_bgcolor")]
    public string? PlotBackgroundColor { get; init; }

    // plotly names subplot axes xaxis2, yaxis3...: keys no fixed property can carry.
    [JsonInclude]
    [JsonExtensionData]
    internal Dictionary<string, object>? SubplotAxes
    {
        get
        {
            if (ExtraXAxes is not { Count: > 0 } && ExtraYAxes is not { Count: > 0 })
                return null;
            var axes = new Dictionary<string, object>();
            for (var i = 0; i < (ExtraXAxes?.Count ?? 0); i++)
                axes["xaxis" + (i + 2)] = ExtraXAxes![i];
            for (var i = 0; i < (ExtraYAxes?.Count ?? 0); i++)
                axes["yaxis" + (i + 2)] = ExtraYAxes![i];
            return axes;
        }
    }
}
