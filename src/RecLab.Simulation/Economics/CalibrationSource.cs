namespace RecLab.Simulation.Economics;

/// <summary>A published benchmark a calibration range is taken from.</summary>
/// <param name="Publisher">Who published it (the original study's author when the page reports another's study).</param>
/// <param name="Title">Its title.</param>
/// <param name="Year">Year of the figures (the page's year when it is undated).</param>
/// <param name="Url">Where it can be read.</param>
/// <param name="Figure">What it says that the range rests on.</param>
public sealed record CalibrationSource(string Publisher, string Title, string Year, string Url, string Figure);
