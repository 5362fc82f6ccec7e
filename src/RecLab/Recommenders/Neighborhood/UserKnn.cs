namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// User-based kNN rating prediction (Surprise's KNNBasic / KNNWithMeans / KNNBaseline with <c>user_based=True</c>):
/// the k users most similar to u among those who rated i.
/// </summary>
public sealed class UserKnn(UserKnnOptions options) : KnnRatingPredictor<UserKnnOptions>(options)
{
    /// <summary>Creates it with default options.</summary>
    public UserKnn() : this(new UserKnnOptions()) { }

    /// <inheritdoc/>
    public override string Name => "user-knn";

    /// <inheritdoc/>
    protected override bool UserBased => true;
}
