namespace RecLab.Charts.Plots;

/// <summary>One algorithm's offline metric and the online outcome of its A/B arm, with the outcome's interval.</summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Offline">The offline metric, e.g. nDCG@10 on a held-out log.</param>
/// <param name="Online">The online outcome, e.g. the arm's CTR.</param>
/// <param name="OnlineLow">The outcome's lower confidence bound, or NaN.</param>
/// <param name="OnlineHigh">The outcome's upper confidence bound, or NaN.</param>
public sealed record OfflineOnlinePoint(string Algorithm, double Offline, double Online, double OnlineLow = double.NaN, double OnlineHigh = double.NaN);
