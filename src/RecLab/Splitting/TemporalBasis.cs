namespace RecLab.Splitting;

/// <summary>What the train fraction of a global temporal cut is a fraction of.</summary>
public enum TemporalBasis
{
    /// <summary>Of the interactions: the earliest <c>fraction × N</c> interactions are train.</summary>
    Interactions,

    /// <summary>Of the time range: the cut lies at <c>min + fraction × (max − min)</c> of the timestamps.</summary>
    TimeRange,
}
