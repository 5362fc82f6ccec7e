using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>A bar trace (plotly <c>type: "bar"</c>): one bar per (x, y) pair.</summary>
public sealed record Bar : Trace
{
    /// <summary>The bar positions (categories for vertical bars).</summary>
    public DataArray? X { get; init; }

    /// <summary>The bar heights (for vertical bars).</summary>
    public DataArray? Y { get; init; }

    /// <summary>Labels drawn on or beside each bar.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Vertical (default) or horizontal bars; horizontal bars take their lengths from <see cref="X"/>.</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>The bar fill and outline.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Vertical error bars.</summary>
    [JsonPropertyName("error_y")]
    public ErrorBars? ErrorY { get; init; }

    /// <summary>Horizontal error bars.</summary>
    [JsonPropertyName("error_x")]
    public ErrorBars? ErrorX { get; init; }
}
