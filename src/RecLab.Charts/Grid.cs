namespace RecLab.Charts;

/// <summary>
/// A grid of subplots (layout <c>grid</c>). With <see cref="GridPattern.Independent"/>, the subplot in row r and
/// column c (from 1) uses axes number <c>(r - 1) * Columns + c</c>: traces say <c>XAxis = "x2", YAxis = "y2"</c> and
/// the layout styles them through <see cref="Layout.ExtraXAxes"/> and <see cref="Layout.ExtraYAxes"/>.
/// </summary>
public sealed record Grid
{
    /// <summary>The number of rows.</summary>
    public int? Rows { get; init; }

    /// <summary>The number of columns.</summary>
    public int? Columns { get; init; }

    /// <summary>How subplots share axes.</summary>
    public GridPattern? Pattern { get; init; }

    /// <summary>The horizontal gap between subplots, as a fraction of a cell.</summary>
    public double? XGap { get; init; }

    /// <summary>The vertical gap between subplots, as a fraction of a cell.</summary>
    public double? YGap { get; init; }
}
