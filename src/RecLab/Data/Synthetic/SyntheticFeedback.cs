namespace RecLab.Data.Synthetic;

/// <summary>Which interaction view a synthetic dataset presents as its interactions.</summary>
public enum SyntheticFeedback
{
    /// <summary>Implicit: clicks, likes and purchases summed with their weights per (user, item).</summary>
    Implicit,

    /// <summary>Explicit: the 1–5 ratings users gave to a share of what they consumed.</summary>
    Ratings,
}
