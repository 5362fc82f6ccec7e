namespace RecLab.Simulation.Economics;

/// <summary>One figure of a world's funnel, the range real platforms report for it, and where that range comes from.</summary>
/// <param name="Name">Short name, e.g. <c>organic feed CTR</c>.</param>
/// <param name="Definition">How the figure is computed in the world.</param>
/// <param name="Value">The world's value.</param>
/// <param name="Low">Lower end of the published range.</param>
/// <param name="High">Upper end of the published range.</param>
/// <param name="Unit"><c>%</c> (a rate), <c>$</c> (dollars) or <c>x</c> (a multiple).</param>
/// <param name="Sources">The publications the range is taken from.</param>
public sealed record CalibrationFigure(string Name, string Definition, double Value, double Low, double High, string Unit,
    IReadOnlyList<CalibrationSource> Sources)
{
    /// <summary>True when <see cref="Value"/> lies in [<see cref="Low"/>, <see cref="High"/>].</summary>
    public bool InRange => Value >= Low && Value <= High;

    /// <summary>A value in the figure's unit: <c>1.48%</c>, <c>$84.99</c>, <c>3.2×</c>.</summary>
    public string Format(double value) => Unit switch
    {
        "%" => (100 * value).ToString(value < 0.1 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
        "$" => "$" + value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "×",
    };
}
