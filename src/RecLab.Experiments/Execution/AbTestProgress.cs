using RecLab.Simulation.AbTesting;

namespace RecLab.Experiments.Execution;

/// <summary>A step of a simulated A/B test of a run: which test, and where its simulation is (fit, pre-period, day d of N).</summary>
/// <param name="Test">The test's name in the experiment file.</param>
/// <param name="Step">The simulator's own progress report.</param>
public sealed record AbTestProgress(string Test, AbProgress Step);
