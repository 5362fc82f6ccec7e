namespace RecLab.Charts;

/// <summary>A text font (plotly <c>font</c>).</summary>
public sealed record Font
{
    /// <summary>A CSS font family list, e.g. <c>"system-ui, sans-serif"</c>.</summary>
    public string? Family { get; init; }

    /// <summary>The size in pixels.</summary>
    public double? Size { get; init; }

    /// <summary>A CSS color.</summary>
    public string? Color { get; init; }
}
