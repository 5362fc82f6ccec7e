using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>What a recommender is fitted on: interactions plus the side information the dataset has.</summary>
public sealed class TrainingSet
{
    /// <summary>Creates a training set; features must share the interactions' id maps.</summary>
    public TrainingSet(InteractionData interactions, ItemFeatures? itemFeatures = null, UserFeatures? userFeatures = null,
        ImpressionLog? impressions = null)
    {
        if (itemFeatures is not null && !ReferenceEquals(itemFeatures.Items, interactions.Items))
            throw new ArgumentException("Item features must use the interactions' item id map.", nameof(itemFeatures));
        if (userFeatures is not null && !ReferenceEquals(userFeatures.Users, interactions.Users))
            throw new ArgumentException("User features must use the interactions' user id map.", nameof(userFeatures));
        if (impressions is not null && (!ReferenceEquals(impressions.Users, interactions.Users) || !ReferenceEquals(impressions.Items, interactions.Items)))
            throw new ArgumentException("The impression log must use the interactions' id maps.", nameof(impressions));
        Interactions = interactions;
        ItemFeatures = itemFeatures;
        UserFeatures = userFeatures;
        Impressions = impressions;
    }

    /// <summary>Training interactions.</summary>
    public InteractionData Interactions { get; }

    /// <summary>Item side information, when the dataset has it.</summary>
    public ItemFeatures? ItemFeatures { get; }

    /// <summary>User side information, when the dataset has it.</summary>
    public UserFeatures? UserFeatures { get; }

    /// <summary>Logged impressions a model may learn from (click models, bandits), when the dataset has them.</summary>
    public ImpressionLog? Impressions { get; }

    /// <summary>Users in the id space.</summary>
    public int UserCount => Interactions.UserCount;

    /// <summary>Items in the id space (the length of every score vector).</summary>
    public int ItemCount => Interactions.ItemCount;

    /// <summary>
    /// Training data of a dataset with its features; its impression log is cut down to what the training interactions
    /// allow (<see cref="ImpressionLog.ForTraining"/>: no impression of a held-out pair, cold user or new item).
    /// </summary>
    public static TrainingSet Of(Dataset dataset, InteractionData? interactions = null)
    {
        var train = interactions ?? dataset.Interactions;
        return new(train, dataset.ItemFeatures, dataset.UserFeatures, dataset.Impressions?.ForTraining(train, dataset.Interactions));
    }

    /// <summary>The same side information and impression log with other interactions over the same id maps (a validation split of it).</summary>
    public TrainingSet WithInteractions(InteractionData interactions, InteractionData? all = null) =>
        new(interactions, ItemFeatures, UserFeatures, Impressions?.ForTraining(interactions, all ?? Interactions));
}
