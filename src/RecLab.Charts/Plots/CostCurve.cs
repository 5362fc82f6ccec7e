namespace RecLab.Charts.Plots;

/// <summary>One algorithm's cost at several data sizes, for <see cref="StandardPlots.CostBySize"/>.</summary>
/// <param name="Algorithm">Series name.</param>
/// <param name="Sizes">Data sizes (e.g. training interactions), ascending.</param>
/// <param name="Costs">Cost at each size (seconds, megabytes, ...).</param>
public sealed record CostCurve(string Algorithm, IReadOnlyList<double> Sizes, IReadOnlyList<double> Costs);
