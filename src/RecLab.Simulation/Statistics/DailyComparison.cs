namespace RecLab.Simulation.Statistics;

/// <summary>A treatment arm against control on the data up to one day: what a daily look shows.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Day">Test day (0 = first); cumulative through it.</param>
/// <param name="RelativeUplift">Treatment over control, minus 1.</param>
/// <param name="Low">Lower confidence bound of the uplift (fixed-horizon interval).</param>
/// <param name="High">Upper confidence bound.</param>
/// <param name="PValue">The fixed-horizon p-value: only valid if this were the one planned look.</param>
/// <param name="AlwaysValidPValue">The mSPRT p-value: valid whenever one looks.</param>
public sealed record DailyComparison(string Metric, string Arm, int Day, double RelativeUplift, double Low, double High, double PValue,
    double AlwaysValidPValue);
