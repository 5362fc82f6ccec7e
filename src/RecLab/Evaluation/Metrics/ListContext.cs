using RecLab.Data;

namespace RecLab.Evaluation.Metrics;

/// <summary>What beyond-accuracy metrics know about the catalogue: training popularity and item features.</summary>
public sealed class ListContext
{
    /// <summary>Builds the context from training data (popularity = number of training interactions per item).</summary>
    public ListContext(InteractionData train, ItemFeatures? itemFeatures = null)
        : this(PopularityOf(train), train.ActiveUserCount(), itemFeatures)
    {
    }

    /// <summary>
    /// Builds the context from popularity counts directly (one per catalogue item) and the number of users they were
    /// counted over, e.g. for a simulated catalogue.
    /// </summary>
    public ListContext(IReadOnlyList<int> popularity, int userCount, ItemFeatures? itemFeatures = null)
    {
        ArgumentNullException.ThrowIfNull(popularity);
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        if (itemFeatures is not null && itemFeatures.Matrix.RowCount != popularity.Count)
            throw new ArgumentException(
                $"Item features have {itemFeatures.Matrix.RowCount} rows but the catalogue has {popularity.Count} items.", nameof(itemFeatures));
        Popularity = popularity;
        UserCount = userCount;
        ItemCount = popularity.Count;
        ItemFeatures = itemFeatures?.Normalized();
    }

    /// <summary>Training interactions per item.</summary>
    public IReadOnlyList<int> Popularity { get; }

    /// <summary>Users with training interactions (the denominator of an item's popularity share).</summary>
    public int UserCount { get; }

    /// <summary>Items in the catalogue (the denominator of coverage).</summary>
    public int ItemCount { get; }

    /// <summary>L2-normalized item features for diversity, or null when the dataset has none.</summary>
    public ItemFeatures? ItemFeatures { get; }

    private static int[] PopularityOf(InteractionData train)
    {
        var byItem = train.ByItem;
        var popularity = new int[train.ItemCount];
        for (var i = 0; i < popularity.Length; i++)
            popularity[i] = byItem.RowLength(i);
        return popularity;
    }
}
