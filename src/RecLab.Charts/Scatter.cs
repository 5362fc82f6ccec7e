using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>
/// A scatter trace (plotly <c>type: "scatter"</c>): points, lines or both, optionally filled. A confidence band is
/// two traces: the lower bound (<see cref="Line"/> width 0) and then the upper bound with <see cref="Fill.ToNextY"/>.
/// </summary>
public sealed record Scatter : Trace
{
    /// <summary>The x values.</summary>
    public DataArray? X { get; init; }

    /// <summary>The y values; NaN leaves a gap.</summary>
    public DataArray? Y { get; init; }

    /// <summary>Lines, markers, or both; plotly picks one from the number of points when unset.</summary>
    public ScatterMode? Mode { get; init; }

    /// <summary>The line style.</summary>
    public Line? Line { get; init; }

    /// <summary>The marker style.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Area filling.</summary>
    public Fill? Fill { get; init; }

    /// <summary>The fill color (CSS, usually translucent: <c>"rgba(31,119,180,0.2)"</c>).</summary>
    public string? FillColor { get; init; }

    /// <summary>Per-point labels (shown with <see cref="ScatterMode.MarkersText"/> and on hover).</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Where labels sit relative to markers: <c>"top center"</c>, <c>"middle right"</c>...</summary>
    public string? TextPosition { get; init; }

    /// <summary>Vertical error bars.</summary>
    [JsonPropertyName("error_y")]
    public ErrorBars? ErrorY { get; init; }

    /// <summary>Horizontal error bars.</summary>
    [JsonPropertyName("error_x")]
    public ErrorBars? ErrorX { get; init; }
}
