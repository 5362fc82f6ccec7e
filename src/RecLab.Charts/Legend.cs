using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The legend (layout <c>legend</c>). Positions are fractions of the plot area; beyond 0..1 is outside it.</summary>
public sealed record Legend
{
    /// <summary>Vertical (a column, plotly's default) or horizontal (a row, e.g. below the plot).</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>The horizontal position.</summary>
    public double? X { get; init; }

    /// <summary>The vertical position.</summary>
    public double? Y { get; init; }

    /// <summary>Which side of the legend <see cref="X"/> refers to.</summary>
    public HorizontalAnchor? XAnchor { get; init; }

    /// <summary>Which side of the legend <see cref="Y"/> refers to.</summary>
    public VerticalAnchor? YAnchor { get; init; }

    /// <summary>The legend title.</summary>
    public Title? Title { get; init; }

    /// <summary>A CSS background color.</summary>
    [JsonPropertyName("bgcolor")]
    public string? BackgroundColor { get; init; }

    /// <summary>The font.</summary>
    public Font? Font { get; init; }
}
