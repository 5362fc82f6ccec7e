namespace RecLab.Data;

/// <summary>The set of feedback kinds an algorithm accepts.</summary>
[Flags]
public enum FeedbackKinds
{
    /// <summary>Accepts nothing (not useful; the default value).</summary>
    None = 0,

    /// <summary>Accepts explicit ratings.</summary>
    Explicit = 1,

    /// <summary>Accepts implicit feedback.</summary>
    Implicit = 2,

    /// <summary>Accepts both kinds.</summary>
    Any = Explicit | Implicit,
}

/// <summary>Helpers for <see cref="FeedbackKinds"/>.</summary>
public static class FeedbackKindsExtensions
{
    /// <summary>True when <paramref name="kinds"/> includes <paramref name="kind"/>.</summary>
    public static bool Allows(this FeedbackKinds kinds, FeedbackKind kind) =>
        (kinds & (kind == FeedbackKind.Explicit ? FeedbackKinds.Explicit : FeedbackKinds.Implicit)) != 0;
}
