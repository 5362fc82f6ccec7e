using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>What a recommender is fitted on: interactions plus the side information the dataset has.</summary>
public sealed class TrainingSet
{
    /// <summary>Creates a training set; features must share the interactions' id maps.</summary>
    public TrainingSet(InteractionData interactions, ItemFeatures? itemFeatures = null, UserFeatures? userFeatures = null)
    {
        if (itemFeatures is not null && !ReferenceEquals(itemFeatures.Items, interactions.Items))
            throw new ArgumentException("Item features must use the interactions' item id map.", nameof(itemFeatures));
        if (userFeatures is not null && !ReferenceEquals(userFeatures.Users, interactions.Users))
            throw new ArgumentException("User features must use the interactions' user id map.", nameof(userFeatures));
        Interactions = interactions;
        ItemFeatures = itemFeatures;
        UserFeatures = userFeatures;
    }

    /// <summary>Training interactions.</summary>
    public InteractionData Interactions { get; }

    /// <summary>Item side information, when the dataset has it.</summary>
    public ItemFeatures? ItemFeatures { get; }

    /// <summary>User side information, when the dataset has it.</summary>
    public UserFeatures? UserFeatures { get; }

    /// <summary>Users in the id space.</summary>
    public int UserCount => Interactions.UserCount;

    /// <summary>Items in the id space (the length of every score vector).</summary>
    public int ItemCount => Interactions.ItemCount;

    /// <summary>Training data of a dataset with its features.</summary>
    public static TrainingSet Of(Dataset dataset, InteractionData? interactions = null) =>
        new(interactions ?? dataset.Interactions, dataset.ItemFeatures, dataset.UserFeatures);
}
