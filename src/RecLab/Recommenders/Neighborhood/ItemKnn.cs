namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Item-based kNN rating prediction (Surprise's KNNBasic / KNNWithMeans / KNNBaseline with <c>user_based=False</c>):
/// the k items most similar to i among those u rated.
/// </summary>
public sealed class ItemKnn(ItemKnnOptions options) : KnnRatingPredictor<ItemKnnOptions>(options)
{
    /// <summary>Creates it with default options.</summary>
    public ItemKnn() : this(new ItemKnnOptions()) { }

    /// <inheritdoc/>
    public override string Name => "item-knn";

    /// <inheritdoc/>
    protected override bool UserBased => false;
}
