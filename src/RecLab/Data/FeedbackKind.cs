namespace RecLab.Data;

/// <summary>What the values of an <see cref="InteractionData"/> mean.</summary>
public enum FeedbackKind
{
    /// <summary>Ratings on a declared scale (e.g. 0.5 to 5 stars).</summary>
    Explicit,

    /// <summary>Non-negative counts or weights (clicks, plays, purchases); absence is not dislike.</summary>
    Implicit,
}
