namespace RecLab.Simulation.Behaviour;

/// <summary>
/// How simulated users spend their attention: sessions per day from each user's activity rate (Poisson), an attention
/// budget per session (1 + Poisson(attention − 1) positions, as in the historical log), the examination model, and what
/// a click costs.
/// </summary>
public sealed record BehaviourOptions
{
    /// <summary>Position-based (the default) or cascade examination.</summary>
    public ExaminationModel Examination { get; init; } = ExaminationModel.PositionBased;

    /// <summary>Cascade model: probability of leaving the session after a click.</summary>
    public double StopAfterClick { get; init; } = 1.0;

    /// <summary>Positions of attention a click uses up on top of its own (time spent on the item); 0 as in the log.</summary>
    public double AttentionPerClick { get; init; }

    /// <summary>Most sessions a user has in a day.</summary>
    public int MaxSessionsPerDay { get; init; } = 64;

    /// <summary>Most positions a session scrolls through.</summary>
    public int MaxAttention { get; init; } = 200;

    /// <summary>Checks ranges.</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public void Validate()
    {
        if (!(StopAfterClick is >= 0 and <= 1))
            throw new ArgumentException($"Stop-after-click must be in [0, 1] (got {StopAfterClick}).");
        if (!(AttentionPerClick >= 0 && double.IsFinite(AttentionPerClick)))
            throw new ArgumentException($"Attention per click must be a finite number, zero or more (got {AttentionPerClick}).");
        if (MaxSessionsPerDay < 1 || MaxAttention < 1)
            throw new ArgumentException("Max sessions per day and max attention must be at least 1.");
    }
}
