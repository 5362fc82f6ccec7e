using RecLab.Data;

namespace RecLab.Splitting;

/// <summary>
/// One train/test partition of a dataset. All parts share the dataset's id maps. For cold-start splits,
/// <see cref="Onboarding"/> holds interactions of test users (or items) that are handed to the query at
/// evaluation time without being in <see cref="Train"/>; train, test and onboarding are pairwise disjoint and
/// together are the input.
/// </summary>
public sealed class Fold
{
    /// <summary>Creates a fold.</summary>
    public Fold(int index, InteractionData train, InteractionData test, InteractionData? onboarding = null)
    {
        if (!ReferenceEquals(train.Users, test.Users) || !ReferenceEquals(train.Items, test.Items) ||
            (onboarding is not null && (!ReferenceEquals(onboarding.Users, train.Users) || !ReferenceEquals(onboarding.Items, train.Items))))
            throw new ArgumentException("Train, test and onboarding must share the dataset's id maps.");
        Index = index;
        Train = train;
        Test = test;
        Onboarding = onboarding;
    }

    /// <summary>0-based fold number.</summary>
    public int Index { get; }

    /// <summary>What models are fitted on.</summary>
    public InteractionData Train { get; }

    /// <summary>What they are evaluated on.</summary>
    public InteractionData Test { get; }

    /// <summary>Interactions given to the query at evaluation time but not trained on (cold-start onboarding), or null.</summary>
    public InteractionData? Onboarding { get; }

    /// <summary>Users that had too few interactions to be split and stayed entirely in train.</summary>
    public int UsersKeptInTrain { get; init; }

    /// <summary>Items that had too few interactions to be split and stayed entirely in train (per-item splits).</summary>
    public int ItemsKeptInTrain { get; init; }

    /// <summary>Caveats about this split (e.g. temporal leakage across users), for reports.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The same fold with its training and onboarding interactions as implicit ones of weight 1 (the test keeps its
    /// ratings, so relevance is judged as before): for an algorithm that trains on implicit feedback.
    /// </summary>
    public Fold ToImplicit() => new(Index, Train.ToImplicit(), Test, Onboarding?.ToImplicit())
    {
        UsersKeptInTrain = UsersKeptInTrain,
        ItemsKeptInTrain = ItemsKeptInTrain,
        Warnings = Warnings,
    };
}
