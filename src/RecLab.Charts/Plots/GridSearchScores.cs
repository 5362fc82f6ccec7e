namespace RecLab.Charts.Plots;

/// <summary>A metric over a two-parameter grid: <c>Values[row][column]</c> is at (<c>XValues[column]</c>, <c>YValues[row]</c>).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="XName">The parameter along x, e.g. <c>factors</c>.</param>
/// <param name="XValues">The x parameter values, as labels.</param>
/// <param name="YName">The parameter along y, e.g. <c>regularization</c>.</param>
/// <param name="YValues">The y parameter values, as labels.</param>
/// <param name="Values">The metric, one row per y value; NaN for a cell that was not run.</param>
public sealed record GridSearchScores(
    string Metric,
    string XName,
    IReadOnlyList<string> XValues,
    string YName,
    IReadOnlyList<string> YValues,
    IReadOnlyList<IReadOnlyList<double>> Values);
