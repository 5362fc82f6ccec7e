namespace RecLab.Charts;

/// <summary>Markers of a scatter trace, or the fill of bars, boxes and histograms (plotly <c>marker</c>).</summary>
public sealed record Marker
{
    /// <summary>A CSS color.</summary>
    public string? Color { get; init; }

    /// <summary>The size in pixels.</summary>
    public double? Size { get; init; }

    /// <summary>A plotly symbol name such as <c>"circle"</c>, <c>"square"</c>, <c>"diamond"</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>The opacity, 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>The outline.</summary>
    public Line? Line { get; init; }
}
