using RecLab.Data.Loading;

namespace RecLab.Data;

/// <summary>Interactions with their optional side information, as loaded or generated.</summary>
public sealed partial class Dataset
{
    /// <summary>Creates a dataset; features must share the interaction data's id maps.</summary>
    public Dataset(string name, InteractionData interactions, ItemFeatures? itemFeatures = null, UserFeatures? userFeatures = null,
        IReadOnlyList<string?>? itemTitles = null, LoadReport? report = null, string? source = null, ImpressionLog? impressions = null)
    {
        if (itemFeatures is not null && !ReferenceEquals(itemFeatures.Items, interactions.Items))
            throw new ArgumentException("Item features must use the interaction data's item id map.", nameof(itemFeatures));
        if (userFeatures is not null && !ReferenceEquals(userFeatures.Users, interactions.Users))
            throw new ArgumentException("User features must use the interaction data's user id map.", nameof(userFeatures));
        if (itemTitles is not null && itemTitles.Count != interactions.ItemCount)
            throw new ArgumentException("There must be one title slot per item.", nameof(itemTitles));
        if (impressions is not null && (!ReferenceEquals(impressions.Users, interactions.Users) || !ReferenceEquals(impressions.Items, interactions.Items)))
            throw new ArgumentException("The impression log must use the interaction data's id maps.", nameof(impressions));
        Name = name;
        Interactions = interactions;
        ItemFeatures = itemFeatures;
        UserFeatures = userFeatures;
        ItemTitles = itemTitles;
        Report = report ?? new LoadReport();
        Source = source;
        Impressions = impressions;
    }

    /// <summary>Short name (e.g. <c>ml-latest-small</c>, <c>synthetic:small</c>).</summary>
    public string Name { get; }

    /// <summary>The interactions.</summary>
    public InteractionData Interactions { get; }

    /// <summary>Item side information (genres, tags, title tokens, ...), when available.</summary>
    public ItemFeatures? ItemFeatures { get; }

    /// <summary>User side information (age band, gender, ...), when available.</summary>
    public UserFeatures? UserFeatures { get; }

    /// <summary>Logged impressions (shown items, positions, clicks, propensities), when the source has them.</summary>
    public ImpressionLog? Impressions { get; }

    /// <summary>The same dataset with other interactions over the same id maps (e.g. converted to implicit feedback).</summary>
    public Dataset WithInteractions(InteractionData interactions) =>
        new(Name, interactions, ItemFeatures, UserFeatures, ItemTitles, Report, Source, Impressions);

    /// <summary>Display titles by item index (null entries where unknown), when available.</summary>
    public IReadOnlyList<string?>? ItemTitles { get; }

    /// <summary>What loading read, skipped and merged.</summary>
    public LoadReport Report { get; }

    /// <summary>Where it came from (a folder, a file, or a generator spec).</summary>
    public string? Source { get; }

    /// <summary>A readable label for an item: its title when known, else its external id.</summary>
    public string ItemLabel(int item) => ItemTitles?[item] ?? Interactions.Items[item];
}
