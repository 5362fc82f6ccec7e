using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The margins around the plot area in pixels (layout <c>margin</c>: <c>l</c>, <c>r</c>, <c>t</c>, <c>b</c>).</summary>
public sealed record Margin
{
    /// <summary>The left margin.</summary>
    [JsonPropertyName("l")]
    public double? Left { get; init; }

    /// <summary>The right margin.</summary>
    [JsonPropertyName("r")]
    public double? Right { get; init; }

    /// <summary>The top margin.</summary>
    [JsonPropertyName("t")]
    public double? Top { get; init; }

    /// <summary>The bottom margin.</summary>
    [JsonPropertyName("b")]
    public double? Bottom { get; init; }

    /// <summary>The padding between the plot area and the axis lines.</summary>
    public double? Pad { get; init; }
}
