namespace RecLab.Charts.Plots;

/// <summary>A metric per simulated day for one A/B arm, with its confidence band.</summary>
/// <param name="Arm">The arm (e.g. <c>control</c>, <c>treatment</c>).</param>
/// <param name="Days">The days.</param>
/// <param name="Mean">The metric per day.</param>
/// <param name="Low">The lower confidence bound per day.</param>
/// <param name="High">The upper confidence bound per day.</param>
public sealed record ArmDailySeries(
    string Arm,
    IReadOnlyList<int> Days,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Low,
    IReadOnlyList<double> High);
