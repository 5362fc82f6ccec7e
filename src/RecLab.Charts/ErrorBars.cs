namespace RecLab.Charts;

/// <summary>
/// Error bars of a bar or scatter trace (plotly <c>error_x</c> / <c>error_y</c>). For a confidence interval
/// [low, high] around a mean m: <c>Array = high - m</c>, <c>ArrayMinus = m - low</c>, <c>Symmetric = false</c>.
/// </summary>
public sealed record ErrorBars
{
    /// <summary>How lengths are given; plotly's default is <see cref="ErrorBarType.Data"/>.</summary>
    public ErrorBarType? Type { get; init; }

    /// <summary>The lengths above (or right of) each point.</summary>
    public IReadOnlyList<double>? Array { get; init; }

    /// <summary>The lengths below (or left of) each point, when <see cref="Symmetric"/> is false.</summary>
    public IReadOnlyList<double>? ArrayMinus { get; init; }

    /// <summary>Whether <see cref="Array"/> applies in both directions.</summary>
    public bool? Symmetric { get; init; }

    /// <summary>The length for <see cref="ErrorBarType.Constant"/> or <see cref="ErrorBarType.Percent"/>.</summary>
    public double? Value { get; init; }

    /// <summary>Whether the bars are drawn.</summary>
    public bool? Visible { get; init; }

    /// <summary>A CSS color.</summary>
    public string? Color { get; init; }

    /// <summary>The line thickness in pixels.</summary>
    public double? Thickness { get; init; }

    /// <summary>The width of the end caps in pixels.</summary>
    public double? Width { get; init; }

    /// <summary>
    /// Asymmetric error bars from interval bounds: lengths <c>high - value</c> above and <c>value - low</c> below.
    /// </summary>
    /// <exception cref="ArgumentException">The three lists differ in length.</exception>
    public static ErrorBars FromBounds(IReadOnlyList<double> values, IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        if (low.Count != values.Count || high.Count != values.Count)
            throw new ArgumentException($"Error bar bounds need one low and one high per value: {values.Count} values, {low.Count} lows, {high.Count} highs.");
        var plus = new double[values.Count];
        var minus = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            plus[i] = high[i] - values[i];
            minus[i] = values[i] - low[i];
        }

        return new ErrorBars { Type = ErrorBarType.Data, Array = plus, ArrayMinus = minus, Symmetric = false };
    }
}
