namespace RecLab.Charts;

/// <summary>A histogram trace (plotly <c>type: "histogram"</c>): plotly bins the raw samples itself.</summary>
public sealed record Histogram : Trace
{
    /// <summary>The samples (vertical bars).</summary>
    public DataArray? X { get; init; }

    /// <summary>The samples of a horizontal histogram.</summary>
    public DataArray? Y { get; init; }

    /// <summary>The normalization; counts when unset.</summary>
    public HistNorm? HistNorm { get; init; }

    /// <summary>The maximum number of bins plotly may choose.</summary>
    public int? NBinsX { get; init; }

    /// <summary>Explicit bins (overrides <see cref="NBinsX"/>).</summary>
    public Bins? XBins { get; init; }

    /// <summary>The bar fill and outline.</summary>
    public Marker? Marker { get; init; }
}
