namespace RecLab.Charts;

/// <summary>A cartesian axis (layout <c>xaxis</c>, <c>yaxis</c>, <c>xaxis2</c>...).</summary>
public sealed record Axis
{
    /// <summary>The axis title.</summary>
    public Title? Title { get; init; }

    /// <summary>The scale; plotly guesses it from the data when unset.</summary>
    public AxisType? Type { get; init; }

    /// <summary>
    /// The visible range [from, to]. On a <see cref="AxisType.Log"/> axis plotly takes log10 values:
    /// <c>[0, 3]</c> shows 1 to 1000.
    /// </summary>
    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>Whether plotly grows the margin to fit long or rotated tick labels and the title (<c>automargin</c>).</summary>
    public bool? AutoMargin { get; init; }

    /// <summary>How the automatic range is extended (e.g. always include zero for bars).</summary>
    public RangeMode? RangeMode { get; init; }

    /// <summary>A d3-format string for tick labels: <c>".3f"</c>, <c>".0%"</c>, <c>"~s"</c>.</summary>
    public string? TickFormat { get; init; }

    /// <summary>
    /// The step between ticks (<c>dtick</c>): in axis units on a linear axis (1 puts a tick on every whole day), in
    /// decades on a log axis (2 labels every second power of ten).
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("dtick")]
    public double? DTick { get; init; }

    /// <summary>The tick label angle in degrees (e.g. -45 for long category names).</summary>
    public double? TickAngle { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }

    /// <summary>The color of the grid lines.</summary>
    public string? GridColor { get; init; }

    /// <summary>Whether a line is drawn at zero (on linear axes).</summary>
    public bool? ZeroLine { get; init; }

    /// <summary>The color of the zero line.</summary>
    public string? ZeroLineColor { get; init; }

    /// <summary>The width of the zero line in pixels.</summary>
    public double? ZeroLineWidth { get; init; }

    /// <summary>The axis this one is positioned against (<c>"x2"</c>, <c>"y"</c>...); grids set it themselves.</summary>
    public string? Anchor { get; init; }

    /// <summary>Another axis whose range this one follows (<c>"x"</c>, <c>"y2"</c>...), for comparable subplots.</summary>
    public string? Matches { get; init; }
}
