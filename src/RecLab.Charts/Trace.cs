using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>
/// One plotly.js trace: a data series drawn one way. The derived record fixes the plotly <c>type</c>
/// (<see cref="Bar"/>, <see cref="Scatter"/>, <see cref="Box"/>, <see cref="Histogram"/>, <see cref="Heatmap"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Bar), "bar")]
[JsonDerivedType(typeof(Scatter), "scatter")]
[JsonDerivedType(typeof(Box), "box")]
[JsonDerivedType(typeof(Histogram), "histogram")]
[JsonDerivedType(typeof(Heatmap), "heatmap")]
public abstract record Trace
{
    private protected Trace()
    {
    }

    /// <summary>The name shown in the legend and on hover.</summary>
    public string? Name { get; init; }

    /// <summary>Whether this trace has a legend entry.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group toggle together from the legend (a line and its confidence band).</summary>
    public string? LegendGroup { get; init; }

    /// <summary>The opacity of the whole trace, 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>The x axis this trace is drawn against: <c>"x"</c> (default), <c>"x2"</c>...</summary>
    [JsonPropertyName("xaxis")]
    public string? XAxis { get; init; }

    /// <summary>The y axis this trace is drawn against: <c>"y"</c> (default), <c>"y2"</c>...</summary>
    [JsonPropertyName("yaxis")]
    public string? YAxis { get; init; }

    /// <summary>What hovering shows: <c>"skip"</c> (nothing, and the point takes no hover), <c>"x+y"</c>, <c>"name"</c>...</summary>
    public string? HoverInfo { get; init; }

    /// <summary>
    /// The hover label template, e.g. <c>"%{x}: %{y:.3f}&lt;extra&gt;&lt;/extra&gt;"</c>
    /// (<c>&lt;extra&gt;&lt;/extra&gt;</c> hides the trace name box).
    /// </summary>
    public string? HoverTemplate { get; init; }
}
