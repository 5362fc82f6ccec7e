namespace RecLab.Experiments.Reproduction;

/// <summary>
/// A published (or peer-measured) figure and the band a RecLab result must fall in:
/// <c>[Reference - Below, Reference + Above]</c>, a null side unbounded.
/// </summary>
public sealed record ReferenceFigure
{
    /// <summary>The algorithm configuration as the suite names it (a row of summary.md).</summary>
    public required string Algorithm { get; init; }

    /// <summary>Canonical metric name, e.g. <c>rmse</c>, <c>ndcg@10</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The reference value.</summary>
    public required double Reference { get; init; }

    /// <summary>How far below the reference a result may be; null: any lower value passes.</summary>
    public double? Below { get; init; }

    /// <summary>How far above the reference a result may be; null: any higher value passes.</summary>
    public double? Above { get; init; }

    /// <summary>Where the figure comes from (table, peer, row).</summary>
    public string Source { get; init; } = "";

    /// <summary>1-based line of the expected file, for messages.</summary>
    public int Line { get; init; }

    /// <summary>Lowest passing value.</summary>
    public double Low => Reference - (Below ?? double.PositiveInfinity);

    /// <summary>Highest passing value.</summary>
    public double High => Reference + (Above ?? double.PositiveInfinity);

    /// <summary>True when <paramref name="value"/> is inside the band (a NaN never is).</summary>
    public bool Admits(double value) => value >= Low && value <= High;
}
