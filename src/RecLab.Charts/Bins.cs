namespace RecLab.Charts;

/// <summary>Explicit histogram bins (plotly <c>xbins</c> / <c>ybins</c>).</summary>
public sealed record Bins
{
    /// <summary>The left edge of the first bin.</summary>
    public double? Start { get; init; }

    /// <summary>The right edge of the last bin.</summary>
    public double? End { get; init; }

    /// <summary>The width of each bin.</summary>
    public double? Size { get; init; }
}
