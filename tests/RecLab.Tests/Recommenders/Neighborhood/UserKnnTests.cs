using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class UserKnnTests : RecommenderContract<UserKnn>
{
    protected override UserKnn Create() => new(new UserKnnOptions { Neighbors = 10 });

    private static UserKnn Fit(UserKnnOptions options) => TinyRatings.Fitted(new UserKnn(options), TinyRatings.ThreeByThree());

    [Fact]
    public void Msd_similarity_is_one_over_mean_squared_difference_plus_one()
    {
        // u0-u1 share i0: (4-5)^2 / 1 = 1 -> 1/2. u0-u2 share i0, i1: ((4-3)^2 + (2-1)^2) / 2 = 1 -> 1/2.
        // u1-u2 share i0, i2: ((5-3)^2 + (3-4)^2) / 2 = 2.5 -> 1/3.5.
        var m = Fit(new UserKnnOptions());
        Assert.Equal(0.5f, m.SimilarityOf(0, 1), 6);
        Assert.Equal(0.5f, m.SimilarityOf(0, 2), 6);
        Assert.Equal(1 / 3.5f, m.SimilarityOf(1, 2), 6);
        Assert.Equal(m.SimilarityOf(1, 2), m.SimilarityOf(2, 1));
    }

    [Fact]
    public void Cosine_similarity_uses_the_common_items_only()
    {
        // u0-u1: 4*5 / sqrt(16 * 25) = 1. u0-u2: (12 + 2) / sqrt((16 + 4)(9 + 1)) = 14 / sqrt(200).
        // u1-u2: (15 + 12) / sqrt((25 + 9)(9 + 16)) = 27 / sqrt(850).
        var m = Fit(new UserKnnOptions { Similarity = Similarity.Cosine });
        Assert.Equal(1f, m.SimilarityOf(0, 1), 6);
        Assert.Equal((float)(14 / Math.Sqrt(200)), m.SimilarityOf(0, 2), 6);
        Assert.Equal((float)(27 / Math.Sqrt(850)), m.SimilarityOf(1, 2), 6);
    }

    [Fact]
    public void Pearson_similarity_centres_on_the_common_support_and_drops_non_positive_values()
    {
        // u0-u1: one common item, zero variance -> 0. u0-u2: (4, 2) vs (3, 1), centred (1, -1) and (1, -1) -> 1.
        // u1-u2: (5, 3) vs (3, 4), centred (1, -1) and (-0.5, 0.5) -> -1, not kept.
        var m = Fit(new UserKnnOptions { Similarity = Similarity.Pearson });
        Assert.Equal(0f, m.SimilarityOf(0, 1));
        Assert.Equal(1f, m.SimilarityOf(0, 2), 6);
        Assert.Equal(0f, m.SimilarityOf(1, 2));
        // (u0, i2): only u2 (sim 1, rating 4) -> 4. (u1, i1): no positive neighbour -> global mean 22/7.
        Assert.Equal(4f, m.Predict(0, 2), 5);
        Assert.Equal(22f / 7, m.Predict(1, 1), 5);
    }

    [Fact]
    public void Basic_prediction_is_the_similarity_weighted_mean_of_the_k_best()
    {
        var m = Fit(new UserKnnOptions());
        // (u0, i2): u1 rated 3 (sim 0.5), u2 rated 4 (sim 0.5) -> (1.5 + 2) / 1 = 3.5.
        Assert.Equal(3.5f, m.Predict(0, 2), 5);
        // (u1, i1): u0 rated 2 (sim 0.5), u2 rated 1 (sim 1/3.5) -> (1 + 1/3.5) / (0.5 + 1/3.5) = 1.636364.
        Assert.Equal(1.636364f, m.Predict(1, 1), 5);
        // k = 1: u1 and u2 tie at 0.5 for (u0, i2); the lower index, u1, wins -> 3.
        Assert.Equal(3f, Fit(new UserKnnOptions { Neighbors = 1 }).Predict(0, 2), 5);
        // min_k = 3 cannot be met: the global mean.
        Assert.Equal(22f / 7, Fit(new UserKnnOptions { MinNeighbors = 3 }).Predict(0, 2), 5);
    }

    [Fact]
    public void With_means_prediction_adds_the_weighted_mean_deviation_to_the_user_mean()
    {
        // (u0, i2): mu_u0 = 3; u1: 3 - 4 = -1, u2: 4 - 8/3 = 4/3; equal sims -> 3 + (-1 + 4/3) / 2 = 3.166667.
        var m = Fit(new UserKnnOptions { Prediction = KnnPrediction.WithMeans });
        Assert.Equal(3.166667f, m.Predict(0, 2), 5);
        // Too few neighbours: the user mean.
        Assert.Equal(3f, Fit(new UserKnnOptions { Prediction = KnnPrediction.WithMeans, MinNeighbors = 3 }).Predict(0, 2), 5);
    }

    [Fact]
    public void Baseline_prediction_adds_the_weighted_residual_to_the_baseline()
    {
        // Baselines after one unregularized ALS epoch (see BiasTests): b_u = 0.25, 0.25, -1/3; b_i2 = 5/14; mu = 22/7.
        // b(u0, i2) = 3.75; u1: 3 - 3.75 = -0.75; u2: 4 - (22/7 - 1/3 + 5/14) = 4 - 3.166667 = 0.833333.
        // Equal sims -> 3.75 + (-0.75 + 0.833333) / 2 = 3.791667.
        var m = Fit(new UserKnnOptions { Prediction = KnnPrediction.Baseline, BaselineEpochs = 1, BaselineUserRegularization = 0, BaselineItemRegularization = 0 });
        Assert.Equal(3.791667f, m.Predict(0, 2), 5);
        // An unknown user gets mu + b_i: 22/7 + 5/14 = 3.5.
        Assert.Equal(3.5f, m.Predict(-1, 2), 5);
    }

    [Fact]
    public void Adjusted_cosine_for_users_centres_on_item_means()
    {
        // Item means 4, 1.5, 3.5. u0: (0, 0.5, -); u1: (1, -, -0.5); u2: (-1, -0.5, 0.5).
        // u0-u2 over i0, i1: (0*-1 + 0.5*-0.5) < 0 -> dropped; u1-u2 over i0, i2: -1 - 0.25 < 0 -> dropped.
        var m = Fit(new UserKnnOptions { Similarity = Similarity.AdjustedCosine });
        Assert.Equal(0f, m.SimilarityOf(0, 2));
        Assert.Equal(0f, m.SimilarityOf(1, 2));
    }

    [Fact]
    public void Pearson_baseline_is_the_shrunk_cosine_of_baseline_residuals()
    {
        // Residuals r - (mu + b_u + b_i) with the one-epoch baselines above:
        // u0: i0 4 - (22/7 + 0.25 + 6/7) = -0.25; i1 2 - (22/7 + 0.25 - 23/14) = 0.25.
        // u2: i0 3 - (22/7 - 1/3 + 6/7) = -2/3;   i1 1 - (22/7 - 1/3 - 23/14) = -1/6.
        // cos = (0.25*2/3 - 0.25/6) / sqrt((1/16 + 1/16)(4/9 + 1/36)) = 0.125 / sqrt(0.125 * 17/36) = 0.514496.
        // Shrinkage 1 with n = 2: * (2 - 1) / (2 - 1 + 1) = 0.5.
        var options = new UserKnnOptions { Similarity = Similarity.PearsonBaseline, BaselineEpochs = 1, BaselineUserRegularization = 0, BaselineItemRegularization = 0 };
        var plain = Fit(options with { Shrinkage = 0 });
        Assert.Equal(0.514496f, plain.SimilarityOf(0, 2), 5);
        Assert.Equal(0.514496f / 2, Fit(options with { Shrinkage = 1 }).SimilarityOf(0, 2), 5);
        // One common item is below the measure's minimum support of 2 (u0-u1).
        Assert.Equal(0f, plain.SimilarityOf(0, 1));
    }

    [Fact]
    public void Min_support_drops_pairs_with_too_few_common_items()
    {
        var m = Fit(new UserKnnOptions { MinSupport = 2 });
        Assert.Equal(0f, m.SimilarityOf(0, 1));
        Assert.Equal(0.5f, m.SimilarityOf(0, 2), 6);
    }

    [Fact]
    public void Unknown_user_or_item_gets_the_global_mean()
    {
        var train = TinyRatings.Build([(0, 0, 4), (0, 1, 2), (1, 0, 5)], users: 3, items: 3);
        var m = TinyRatings.Fitted(new UserKnn(), train);
        Assert.Equal(11f / 3, m.Predict(2, 0), 5);
        Assert.Equal(11f / 3, m.Predict(0, 2), 5);
        Assert.Equal(11f / 3, m.Predict(-1, 0), 5);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var train = new TrainingSet(Support.Checkerboard.Explicit());
        var one = TinyRatings.Fitted(new UserKnn(new UserKnnOptions { Similarity = Similarity.Pearson }), train, threads: 1);
        var four = TinyRatings.Fitted(new UserKnn(new UserKnnOptions { Similarity = Similarity.Pearson }), train, threads: 4);
        for (var u = 0; u < train.UserCount; u++)
            for (var i = 0; i < train.ItemCount; i++)
                Assert.Equal(one.Predict(u, i), four.Predict(u, i));
    }

    [Fact]
    public void Options_bind_from_text()
    {
        var model = (UserKnn)RecommenderRegistry.Default.Parse("user-knn:neighbors=20,similarity=pearson-baseline,prediction=with_means,shrinkage=50");
        Assert.Equal(20, model.Options.Neighbors);
        Assert.Equal(Similarity.PearsonBaseline, model.Options.Similarity);
        Assert.Equal(KnnPrediction.WithMeans, model.Options.Prediction);
        Assert.Equal(50f, model.Options.Shrinkage);
        Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse("user-knn:neighbors=0"));
    }
}
