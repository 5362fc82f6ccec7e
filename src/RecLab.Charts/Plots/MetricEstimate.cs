namespace RecLab.Charts.Plots;

/// <summary>A metric's mean for one algorithm, with its confidence interval (NaN bounds draw no error bar).</summary>
/// <param name="Algorithm">The algorithm (an x category).</param>
/// <param name="Metric">The metric, e.g. <c>nDCG@10</c> (one bar series per metric).</param>
/// <param name="Mean">The estimate.</param>
/// <param name="Low">The lower confidence bound, or NaN.</param>
/// <param name="High">The upper confidence bound, or NaN.</param>
public sealed record MetricEstimate(string Algorithm, string Metric, double Mean, double Low = double.NaN, double High = double.NaN);
