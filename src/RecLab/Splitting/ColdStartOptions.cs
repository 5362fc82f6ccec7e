namespace RecLab.Splitting;

/// <summary>Options of a <see cref="ColdStartSplit"/>.</summary>
public sealed record ColdStartOptions
{
    /// <summary>Hold out whole users (default) or whole items.</summary>
    public GroupBy By { get; init; } = GroupBy.User;

    /// <summary>Which of them are held out: a random share (default 0.2) or k folds over them.</summary>
    public Partition Groups { get; init; } = Partition.OfFraction(0.2);

    /// <summary>
    /// Interactions of each held-out user (item) put in <see cref="Fold.Onboarding"/> rather than test: what a new
    /// user tells the system at sign-up, or a new item's first raters. Default 0 (no onboarding).
    /// </summary>
    public int Onboard { get; init; }

    /// <summary>Which interactions make the onboarding sample: the earliest by time (default) or a random sample.</summary>
    public OnboardingOrder OnboardOrder { get; init; } = OnboardingOrder.Earliest;
}
