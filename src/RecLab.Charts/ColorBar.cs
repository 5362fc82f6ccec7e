namespace RecLab.Charts;

/// <summary>The color scale legend of a heatmap (plotly <c>colorbar</c>).</summary>
public sealed record ColorBar
{
    /// <summary>The title.</summary>
    public Title? Title { get; init; }

    /// <summary>A d3-format string for the tick labels, e.g. <c>".3f"</c>.</summary>
    public string? TickFormat { get; init; }
}
