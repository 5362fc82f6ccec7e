namespace RecLab.Charts.Plots;

/// <summary>The estimated uplift of a treatment over control, with its confidence interval.</summary>
/// <param name="Label">What is compared (an arm or a metric).</param>
/// <param name="Uplift">The estimate (a fraction for relative uplift: 0.05 is +5%).</param>
/// <param name="Low">The lower confidence bound.</param>
/// <param name="High">The upper confidence bound.</param>
public sealed record UpliftEstimate(string Label, double Uplift, double Low, double High);
