using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class ItemKnnImplicitTests : RecommenderContract<ItemKnnImplicit>
{
    protected override ItemKnnImplicit Create() => new();

    // u0: i0 i1; u1: i0 i1 i2; u2: i2 i3.
    private static TrainingSet Small() => TinyRatings.Implicit([(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3)]);

    private static float[] Scores(IRecommender model, int[] history)
    {
        var scores = new float[model.ItemCount];
        model.Score(UserQuery.Anonymous(history), scores);
        return scores;
    }

    [Fact]
    public void Cosine_similarity_uses_full_item_norms()
    {
        // Item vectors over users: i0 = i1 = {u0, u1}, i2 = {u1, u2}, i3 = {u2}.
        // cos(i0, i1) = 2 / 2 = 1; cos(i0, i2) = 1 / 2; cos(i2, i3) = 1 / sqrt(2); cos(i0, i3) = 0.
        var m = TinyRatings.Fitted(new ItemKnnImplicit(), Small());
        Assert.Equal(1f, m.SimilarityOf(0, 1), 6);
        Assert.Equal(0.5f, m.SimilarityOf(0, 2), 6);
        Assert.Equal((float)(1 / Math.Sqrt(2)), m.SimilarityOf(2, 3), 6);
        Assert.Equal(0f, m.SimilarityOf(0, 3));
        // A history the model never saw: {i0} scores i1 = 1, i2 = 0.5, i3 = 0.
        var scores = Scores(m, [0]);
        Assert.Equal(1f, scores[1], 5);
        Assert.Equal(0.5f, scores[2], 5);
        Assert.Equal(0f, scores[3]);
    }

    [Fact]
    public void Only_k_neighbours_are_kept_per_item()
    {
        // K = 1: i0 keeps i1 (1) and drops i2 (0.5).
        var m = TinyRatings.Fitted(new ItemKnnImplicit(new ItemKnnImplicitOptions { Neighbors = 1 }), Small());
        Assert.Equal(0f, m.SimilarityOf(0, 2));
        Assert.Equal(0f, Scores(m, [0])[2]);
    }

    [Fact]
    public void Asymmetric_cosine_divides_by_powers_of_the_two_counts()
    {
        // alpha = 0.25: sim(i2 -> i3) = 1 / (2^0.25 * 1^0.75) = 0.840896; sim(i3 -> i2) = 1 / (1^0.25 * 2^0.75) = 0.594604.
        var m = TinyRatings.Fitted(new ItemKnnImplicit(new ItemKnnImplicitOptions { Weighting = ImplicitWeighting.AsymmetricCosine, Alpha = 0.25f }), Small());
        Assert.Equal(0.840896f, m.SimilarityOf(2, 3), 5);
        Assert.Equal(0.594604f, m.SimilarityOf(3, 2), 5);
    }

    [Fact]
    public void Bm25_weights_by_inverse_user_frequency_and_item_length()
    {
        // 4 items (documents); users (terms) have 2, 3, 2 items: idf = ln 4 - ln 3 = 0.287682, ln 4 - ln 4 = 0, 0.287682.
        // Item lengths 2, 2, 2, 1 -> mean 1.75; i0: L = 0.25 + 0.75 * 2 / 1.75 = 1.107143; w = 2.2 / (1.2 L + 1) * idf.
        // sim(i0, i1) = w(u0)^2 + w(u1)^2 = (0.944785 * 0.287682)^2 + 0 = 0.073873.
        var m = TinyRatings.Fitted(new ItemKnnImplicit(new ItemKnnImplicitOptions { Weighting = ImplicitWeighting.Bm25 }), Small());
        Assert.Equal(0.073873f, m.SimilarityOf(0, 1), 5);
    }

    [Fact]
    public void Tfidf_rows_are_unit_length()
    {
        // i0 and i1 have identical tf-idf rows (u0: idf 0.287682, u1: idf 0), so after normalisation their dot product is 1.
        var m = TinyRatings.Fitted(new ItemKnnImplicit(new ItemKnnImplicitOptions { Weighting = ImplicitWeighting.TfIdf }), Small());
        Assert.Equal(1f, m.SimilarityOf(0, 1), 5);
    }
}
