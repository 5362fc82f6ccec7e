namespace RecLab.Splitting;

/// <summary>
/// Options of a <see cref="GroupHoldout"/>: which groups (users or items) are tested, how many of each tested
/// group's interactions go to test, and which ones.
/// </summary>
public sealed record GroupHoldoutOptions
{
    /// <summary>Hold out per user (default) or per item.</summary>
    public GroupBy By { get; init; } = GroupBy.User;

    /// <summary>Test interactions per tested group: a fraction (default 0.2) or a count.</summary>
    public HoldoutSize Size { get; init; } = HoldoutSize.OfFraction(0.2);

    /// <summary>Random interactions (default) or each group's latest.</summary>
    public HoldoutOrder Order { get; init; } = HoldoutOrder.Random;

    /// <summary>How a fraction of a group's interactions is rounded to a count (ignored for counts).</summary>
    public FractionRounding Rounding { get; init; } = FractionRounding.Nearest;

    /// <summary>
    /// Fewest training interactions a tested group must keep (default 1, so every tested user stays known to the
    /// model); a group that would keep fewer, or whose test share rounds to zero, stays entirely in train and is
    /// counted in <see cref="Fold.UsersKeptInTrain"/> (or <see cref="Fold.ItemsKeptInTrain"/>). 0 allows a group
    /// to go wholly to test, as LensKit and Microsoft Recommenders do.
    /// </summary>
    public int MinTrain { get; init; } = 1;

    /// <summary>
    /// Null (default): every group is tested, one fold. <c>k</c>: the groups are shuffled and partitioned into k folds;
    /// fold f tests only the groups of part f, all other groups' interactions are entirely in train (LensKit's
    /// <c>crossfold_users</c>).
    /// </summary>
    public int? Folds { get; init; }
}
