namespace RecLab.Charts;

/// <summary>A text note placed on the chart (an entry of layout <c>annotations</c>).</summary>
public sealed record Annotation
{
    /// <summary>The text; plotly accepts a little HTML.</summary>
    public string? Text { get; init; }

    /// <summary>The x position, in units of <see cref="XRef"/> (on a category axis: the category index).</summary>
    public double? X { get; init; }

    /// <summary>The y position, in units of <see cref="YRef"/>.</summary>
    public double? Y { get; init; }

    /// <summary><c>"paper"</c> (0 to 1 across the plot area) or an x axis id (<c>"x"</c>, <c>"x2"</c>...).</summary>
    public string? XRef { get; init; }

    /// <summary><c>"paper"</c> (0 to 1 up the plot area) or a y axis id (<c>"y"</c>, <c>"y2"</c>...).</summary>
    public string? YRef { get; init; }

    /// <summary>Whether an arrow points at (x, y); plotly's default is true.</summary>
    public bool? ShowArrow { get; init; }

    /// <summary>Which side of the text <see cref="X"/> refers to.</summary>
    public HorizontalAnchor? XAnchor { get; init; }

    /// <summary>Which side of the text <see cref="Y"/> refers to.</summary>
    public VerticalAnchor? YAnchor { get; init; }

    /// <summary>The font.</summary>
    public Font? Font { get; init; }
}
