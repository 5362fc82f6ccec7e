namespace RecLab.Charts;

/// <summary>
/// A heatmap trace (plotly <c>type: "heatmap"</c>): <see cref="Z"/>[row][column] is drawn at
/// (<see cref="X"/>[column], <see cref="Y"/>[row]); NaN cells are left blank.
/// </summary>
public sealed record Heatmap : Trace
{
    /// <summary>The column labels or positions.</summary>
    public DataArray? X { get; init; }

    /// <summary>The row labels or positions.</summary>
    public DataArray? Y { get; init; }

    /// <summary>The values, one row per <see cref="Y"/> entry.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Z { get; init; }

    /// <summary>A plotly color scale name: <c>"Viridis"</c>, <c>"Blues"</c>, <c>"RdBu"</c>...</summary>
    public string? ColorScale { get; init; }

    /// <summary>Whether the color scale runs the other way.</summary>
    public bool? ReverseScale { get; init; }

    /// <summary>The value at the bottom of the color scale.</summary>
    public double? ZMin { get; init; }

    /// <summary>The value at the top of the color scale.</summary>
    public double? ZMax { get; init; }

    /// <summary>Whether the color bar is shown.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>The color bar.</summary>
    public ColorBar? ColorBar { get; init; }

    /// <summary>A template for text written in each cell, e.g. <c>"%{z:.3f}"</c>.</summary>
    public string? TextTemplate { get; init; }
}
