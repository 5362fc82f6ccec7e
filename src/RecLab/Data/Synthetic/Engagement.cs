namespace RecLab.Data.Synthetic;

/// <summary>What a user did with one impression (flags; a like or a purchase always comes with a click).</summary>
[Flags]
public enum Engagement : byte
{
    /// <summary>Shown, not clicked (examined or not).</summary>
    None = 0,

    /// <summary>Clicked (consumed).</summary>
    Click = 1,

    /// <summary>Liked after clicking.</summary>
    Like = 2,

    /// <summary>Bought after clicking (products only).</summary>
    Purchase = 4,
}
