namespace RecLab.Charts;

/// <summary>
/// A box plot trace (plotly <c>type: "box"</c>): plotly computes the quartiles and whiskers from the raw samples in
/// <see cref="Y"/> (or <see cref="X"/> when horizontal).
/// </summary>
public sealed record Box : Trace
{
    /// <summary>The samples of a horizontal box, or the group label of each sample in a vertical one.</summary>
    public DataArray? X { get; init; }

    /// <summary>The samples of a vertical box.</summary>
    public DataArray? Y { get; init; }

    /// <summary>Vertical (default) or horizontal.</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>Which samples are drawn as points beside the box.</summary>
    public BoxPoints? BoxPoints { get; init; }

    /// <summary>Whether the mean (and standard deviation) is marked.</summary>
    public BoxMean? BoxMean { get; init; }

    /// <summary>The box and point style.</summary>
    public Marker? Marker { get; init; }

    /// <summary>The box outline.</summary>
    public Line? Line { get; init; }
}
