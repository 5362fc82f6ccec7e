namespace RecLab.Evaluation.Statistics;

/// <summary>One look of a monitored test (<see cref="SequentialTests.Monitor"/>).</summary>
/// <param name="Index">Look number, 0 = first day.</param>
/// <param name="Difference">Treatment − control of the cumulative per-user means.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="PValue">Welch's p-value at this look alone (valid only if this were the only look).</param>
/// <param name="AlwaysValidPValue">mSPRT p-value, valid whenever the test is stopped.</param>
public sealed record SequentialLook(int Index, double Difference, double StandardError, double PValue, double AlwaysValidPValue);
