namespace RecLab.Experiments.Execution;

/// <summary>What happened to a cell.</summary>
public enum RunEvent
{
    /// <summary>The cell started.</summary>
    Started,

    /// <summary>The cell finished and its result was written.</summary>
    Finished,

    /// <summary>The cell threw; its error was written.</summary>
    Failed,
}
