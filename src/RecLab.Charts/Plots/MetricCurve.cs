namespace RecLab.Charts.Plots;

/// <summary>A metric at several list lengths for one algorithm (nDCG@1..nDCG@50).</summary>
/// <param name="Algorithm">The algorithm (one line each).</param>
/// <param name="N">The list lengths.</param>
/// <param name="Values">The metric at each list length.</param>
public sealed record MetricCurve(string Algorithm, IReadOnlyList<int> N, IReadOnlyList<double> Values);
