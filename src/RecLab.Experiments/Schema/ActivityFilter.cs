namespace RecLab.Experiments.Schema;

/// <summary>How minimum user and item activity is enforced.</summary>
public enum ActivityFilter
{
    /// <summary>Repeat the user and item filters until neither removes anything (the k-core): every remaining user and item meets its minimum.</summary>
    Iterated,

    /// <summary>Filter users once, then items once (counted after the user filter); a user may end below its minimum.</summary>
    SinglePass,
}
