namespace RecLab.Simulation.Behaviour;

/// <summary>How a user goes down a slate.</summary>
public enum ExaminationModel
{
    /// <summary>
    /// Position-based: every scrolled position is an impression and is examined with the world's probability
    /// <c>(1 + k)^-PositionDecay</c>, independently of the others (the model the historical log was drawn with).
    /// </summary>
    PositionBased,

    /// <summary>
    /// Cascade (Craswell et al. 2008): the user examines positions in order and, after a click, leaves the session with
    /// probability <see cref="BehaviourOptions.StopAfterClick"/> (1: the classic cascade; below 1: the dependent click model).
    /// </summary>
    Cascade,
}
