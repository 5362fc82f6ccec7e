namespace RecLab.Charts.Plots;

/// <summary>How long an algorithm took to fit and how accurate it was.</summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="FitSeconds">Wall-clock fitting time in seconds.</param>
/// <param name="Value">The accuracy metric.</param>
public sealed record FitCost(string Algorithm, double FitSeconds, double Value);
