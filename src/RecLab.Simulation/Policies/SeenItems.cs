namespace RecLab.Simulation.Policies;

/// <summary>Which items a slate never shows a user again.</summary>
public enum SeenItems
{
    /// <summary>Only the user's training history (what the recommender already knows the user consumed).</summary>
    History,

    /// <summary>The history and every item the user clicked during the simulation.</summary>
    Clicked,

    /// <summary>The history and every item already shown (a feed that never repeats itself): the default.</summary>
    Shown,
}
