namespace RecLab.Charts;

/// <summary>
/// A chart or axis title (plotly <c>title</c>; plotly.js 3 and later take only the object form <c>{"text": ...}</c>).
/// A string converts implicitly: <c>Title = "nDCG@10"</c>.
/// </summary>
public sealed record Title
{
    /// <summary>The text; plotly accepts a little HTML (<c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;sub&gt;</c>).</summary>
    public string? Text { get; init; }

    /// <summary>The font.</summary>
    public Font? Font { get; init; }

    /// <summary>The horizontal position, 0 to 1 of the container (chart titles only).</summary>
    public double? X { get; init; }

    /// <summary>Which side of the title <see cref="X"/> refers to.</summary>
    public HorizontalAnchor? XAnchor { get; init; }

    /// <summary>A title with just a text.</summary>
    public static implicit operator Title(string text) => new() { Text = text };
}
