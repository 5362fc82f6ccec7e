namespace RecLab.Simulation.AbTesting;

/// <summary>Progress of a simulated test.</summary>
/// <param name="Stage">What is running: <c>fit</c>, <c>pre-period</c>, <c>test</c> or <c>retrain</c>.</param>
/// <param name="Done">Units done in the stage (days, or arms fitted).</param>
/// <param name="Total">Units in the stage.</param>
public sealed record AbProgress(string Stage, int Done, int Total);
