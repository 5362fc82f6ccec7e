namespace RecLab.Charts.Plots;

/// <summary>The p-values of one A/B comparison as the test went on: the naive daily one and the always-valid one.</summary>
/// <param name="Name">The comparison (e.g. <c>ctr · treatment</c>).</param>
/// <param name="Days">The days.</param>
/// <param name="PValue">The fixed-horizon p-value of the data up to each day (valid only if looked at once).</param>
/// <param name="AlwaysValidPValue">The always-valid (mSPRT) p-value up to each day (valid however often looked at).</param>
public sealed record DailyPValues(
    string Name,
    IReadOnlyList<int> Days,
    IReadOnlyList<double> PValue,
    IReadOnlyList<double> AlwaysValidPValue);
