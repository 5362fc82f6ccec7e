namespace RecLab.Simulation.AbTesting;

/// <summary>Progress of a simulated test, reported as each unit of a stage starts and once when the stage is done.</summary>
/// <param name="Stage">What is running: <c>fit</c>, <c>pre-period</c>, <c>test</c> or <c>retrain</c>.</param>
/// <param name="Done">Units done in the stage (days, or arms fitted); <paramref name="Total"/> when it is over.</param>
/// <param name="Total">Units in the stage.</param>
/// <param name="Arm">The arm being fitted or retrained (<c>fit</c>, <c>retrain</c>); null for the days, which run every arm at once.</param>
public sealed record AbProgress(string Stage, int Done, int Total, string? Arm = null);
