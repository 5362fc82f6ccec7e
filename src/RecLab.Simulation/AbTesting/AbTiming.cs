namespace RecLab.Simulation.AbTesting;

/// <summary>Where a simulated test spent its time (wall seconds), and the process CPU seconds over the whole run.</summary>
/// <param name="FitSeconds">First fits of the arms' models.</param>
/// <param name="PrePeriodSeconds">The pre-period.</param>
/// <param name="TestSeconds">The test days (ranking users and simulating their sessions).</param>
/// <param name="RetrainSeconds">Retrainings.</param>
/// <param name="WallSeconds">Everything.</param>
/// <param name="CpuSeconds">Processor time of the whole process meanwhile (all threads; includes anything else it ran).</param>
public sealed record AbTiming(double FitSeconds, double PrePeriodSeconds, double TestSeconds, double RetrainSeconds, double WallSeconds, double CpuSeconds);
