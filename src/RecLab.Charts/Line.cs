namespace RecLab.Charts;

/// <summary>The line of a scatter trace or the outline of markers (plotly <c>line</c>).</summary>
public sealed record Line
{
    /// <summary>A CSS color.</summary>
    public string? Color { get; init; }

    /// <summary>The width in pixels; 0 hides the line (as for the edges of a confidence band).</summary>
    public double? Width { get; init; }

    /// <summary>The dash pattern.</summary>
    public DashStyle? Dash { get; init; }
}
