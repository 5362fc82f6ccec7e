namespace RecLab.Splitting;

/// <summary>Which of a group's interactions are held out.</summary>
public enum HoldoutOrder
{
    /// <summary>A uniform random sample (seeded).</summary>
    Random,

    /// <summary>The latest by timestamp (ties broken by canonical row order: user, then item); needs timestamps.</summary>
    Time,
}
