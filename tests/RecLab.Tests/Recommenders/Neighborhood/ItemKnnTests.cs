using RecLab.Internal.Kernels;
using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class ItemKnnTests : RecommenderContract<ItemKnn>
{
    protected override ItemKnn Create() => new(new ItemKnnOptions { Neighbors = 10 });

    private static ItemKnn Fit(ItemKnnOptions options) => TinyRatings.Fitted(new ItemKnn(options), TinyRatings.ThreeByThree());

    [Fact]
    public void Msd_between_items_runs_over_common_users()
    {
        // i0-i1 over u0, u2: ((4-2)^2 + (3-1)^2) / 2 = 4 -> 1/5. i0-i2 over u1, u2: (4 + 1) / 2 = 2.5 -> 1/3.5.
        // i1-i2 over u2: 9 -> 1/10.
        var m = Fit(new ItemKnnOptions());
        Assert.Equal(0.2f, m.SimilarityOf(0, 1), 6);
        Assert.Equal(1 / 3.5f, m.SimilarityOf(0, 2), 6);
        Assert.Equal(0.1f, m.SimilarityOf(1, 2), 6);
    }

    [Fact]
    public void Basic_and_with_means_predictions_use_the_items_the_user_rated()
    {
        // (u0, i2): u0 rated i0 = 4 (sim 1/3.5), i1 = 2 (sim 0.1) -> (4/3.5 + 0.2) / (1/3.5 + 0.1) = 3.481481.
        Assert.Equal(3.481481f, Fit(new ItemKnnOptions()).Predict(0, 2), 5);
        // (u1, i1): u1 rated i0 = 5 (sim 0.2), i2 = 3 (sim 0.1) -> (1 + 0.3) / 0.3 = 4.333333.
        Assert.Equal(4.333333f, Fit(new ItemKnnOptions()).Predict(1, 1), 5);
        // With means, (u0, i2): mu_i2 = 3.5 + (1/3.5 * (4 - 4) + 0.1 * (2 - 1.5)) / (1/3.5 + 0.1) = 3.629630.
        Assert.Equal(3.629630f, Fit(new ItemKnnOptions { Prediction = KnnPrediction.WithMeans }).Predict(0, 2), 5);
    }

    [Fact]
    public void Baseline_prediction_uses_the_neighbour_items_baselines()
    {
        // b_u0 = 0.25, b_i = 6/7, -23/14, 5/14, mu = 22/7 (one unregularized epoch).
        // (u0, i2): b = 3.75; i0: 4 - (22/7 + 0.25 + 6/7) = -0.25; i1: 2 - (22/7 + 0.25 - 23/14) = 0.25.
        // 3.75 + (1/3.5 * -0.25 + 0.1 * 0.25) / (1/3.5 + 0.1) = 3.75 - 0.046296 / 0.385714 ... = 3.75 - 0.120370 = 3.629630.
        var m = Fit(new ItemKnnOptions { Prediction = KnnPrediction.Baseline, BaselineEpochs = 1, BaselineUserRegularization = 0, BaselineItemRegularization = 0 });
        var expected = 3.75 + (-0.25 / 3.5 + 0.1 * 0.25) / (1 / 3.5 + 0.1);
        Assert.Equal((float)expected, m.Predict(0, 2), 5);
    }

    [Fact]
    public void Adjusted_cosine_centres_each_users_ratings_on_the_user_mean()
    {
        //        i0 i1 i2   mean   centred
        //   u0:   5  4  1   10/3   5/3  2/3  -7/3
        //   u1:   4  5  -    4.5   -1/2 1/2
        //   u2:   1  2  5    8/3   -5/3 -2/3  7/3
        // i0-i1 over u0, u1, u2: (10/9 - 1/4 + 10/9) / sqrt((25/9 + 1/4 + 25/9)(4/9 + 1/4 + 4/9)) = (71/36) / (sqrt(209 * 41) / 36) = 71 / sqrt(8569).
        // i0-i2 and i1-i2 are negative and dropped.
        var train = TinyRatings.Build([(0, 0, 5), (0, 1, 4), (0, 2, 1), (1, 0, 4), (1, 1, 5), (2, 0, 1), (2, 1, 2), (2, 2, 5)]);
        var m = TinyRatings.Fitted(new ItemKnn(new ItemKnnOptions { Similarity = Similarity.AdjustedCosine }), train);
        Assert.Equal((float)(71 / Math.Sqrt(8569)), m.SimilarityOf(0, 1), 5);
        Assert.Equal(0f, m.SimilarityOf(0, 2));
        Assert.Equal(0f, m.SimilarityOf(1, 2));
    }

    [Fact]
    public void Centred_cosine_uses_whole_centred_item_vectors_and_leaves_items_without_neighbours_unscored()
    {
        // Item means 4, 1.5, 3.5; centred vectors over (u0, u1, u2): i0 (0, 1, -1), i1 (0.5, -, -0.5), i2 (-, -0.5, 0.5).
        // cos(i0, i1) = 0.5 / (sqrt 2 * sqrt 0.5) = 0.5; cos(i0, i2) = -1 and cos(i1, i2) = -0.5 are dropped.
        var lenskit = new ItemKnnOptions { Neighbors = 20, Similarity = Similarity.CenteredCosine, Prediction = KnnPrediction.WithMeans, Fallback = false };
        var m = Fit(lenskit);
        Assert.Equal(0.5f, m.SimilarityOf(0, 1), 6);
        Assert.Equal(0f, m.SimilarityOf(0, 2));
        Assert.Equal(0f, m.SimilarityOf(1, 2));
        // (u1, i1): neighbour i0 rated 5: 1.5 + 0.5 * (5 - 4) / 0.5 = 2.5. (u0, i2): no positive neighbour, so LensKit
        // does not score it; with the fallback it is the item mean 3.5.
        Assert.Equal(2.5f, m.Predict(1, 1), 5);
        Assert.True(float.IsNaN(m.Predict(0, 2)));
        var scores = new float[3];
        m.Score(UserQuery.ForUser(TinyRatings.ThreeByThree().Interactions, 0), scores);
        Assert.True(float.IsNaN(scores[2]));
        Assert.Equal(3.5f, Fit(lenskit with { Fallback = true }).Predict(0, 2), 5);
    }

    [Fact]
    public void Dense_and_sparse_storage_predict_the_same()
    {
        // More items than the dense limit forces sparse rows; the same ratings in a small id space are stored dense.
        // Checkerboard users and items have indices equal to their ids, as do TinyRatings'.
        var train = new TrainingSet(Support.Checkerboard.Explicit());
        var dense = TinyRatings.Fitted(new ItemKnn(), train);
        var ratings = new List<(int, int, float)>();
        for (var u = 0; u < train.UserCount; u++)
        {
            var items = train.Interactions.ByUser.RowIndices(u);
            var values = train.Interactions.ByUser.RowValues(u);
            for (var k = 0; k < items.Length; k++)
                ratings.Add((u, items[k], values[k]));
        }
        var wide = TinyRatings.Build(ratings, items: PairSettings.DenseLimit + 1);
        var sparse = TinyRatings.Fitted(new ItemKnn(), wide);
        Assert.True(sparse.SimilarityBytes < (long)wide.ItemCount * wide.ItemCount * 4);
        for (var u = 0; u < train.UserCount; u++)
            for (var i = 0; i < train.ItemCount; i++)
                Assert.Equal(dense.Predict(u, i), sparse.Predict(u, i), 5);
    }

    [Theory]
    [InlineData(KnnPrediction.Basic)]
    [InlineData(KnnPrediction.WithMeans)]
    [InlineData(KnnPrediction.Baseline)]
    public void Scoring_all_items_from_the_history_matches_predicting_each(KnnPrediction prediction)
    {
        // k = 5 makes the heaps drop neighbours, so the selection (and its ties) is exercised too.
        var train = new TrainingSet(Support.Checkerboard.Explicit());
        var m = TinyRatings.Fitted(new ItemKnn(new ItemKnnOptions { Neighbors = 5, Prediction = prediction }), train);
        var scores = new float[train.ItemCount];
        for (var u = 0; u < train.UserCount; u++)
        {
            var query = UserQuery.ForUser(train.Interactions, u);
            m.Score(query, scores);
            var seen = query.History.ToArray().ToHashSet();
            for (var i = 0; i < train.ItemCount; i++)
                if (!seen.Contains(i))
                    Assert.Equal(m.Predict(u, i), train.Interactions.Scale!.Value.Clamp(scores[i]), 4);
        }
    }

    [Fact]
    public void An_onboarding_history_is_scored_without_refitting()
    {
        // History {i0 = 4, i1 = 2} is u0's: the same scores as u0's own query, although the query is anonymous.
        var train = TinyRatings.ThreeByThree();
        var m = TinyRatings.Fitted(new ItemKnn(), train);
        var scores = new float[3];
        m.Score(UserQuery.Anonymous([0, 1], [4f, 2f]), scores);
        Assert.Equal(3.481481f, scores[2], 5);
    }
}
