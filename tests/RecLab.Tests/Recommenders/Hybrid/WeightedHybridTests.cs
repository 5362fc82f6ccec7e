using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Hybrid;
using RecLab.Tests.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class WeightedHybridTests : RecommenderContract<WeightedHybrid>
{
    protected override WeightedHybrid Create() => new(new WeightedHybridOptions { Components = ["most-popular", "content-based"], ValidationUsers = 40 });

    protected override TrainingSet CheckerboardFor(WeightedHybrid model) => CheckerboardFeatures.For(model);

    private static float[] MinMax(float[] scores)
    {
        var min = scores.Min();
        var max = scores.Max();
        return scores.Select(s => (s - min) / (max - min)).ToArray();
    }

    [Fact]
    public void Fixed_weights_blend_min_max_normalized_scores()
    {
        var train = TinyCatalog.Ratings(FeedbackKind.Implicit);
        var model = new WeightedHybrid(new WeightedHybridOptions
        {
            Components = ["most-popular", "content-based"], Weights = [0.3f, 0.7f], Normalization = ScoreNormalization.MinMax,
        });
        model.Fit(train, FitContext.Default);
        // Popularity 2, 1, 1, 0 -> 1, 0.5, 0.5, 0. Content for a history of i2: cosines x2·x_i.
        var x = TinyCatalog.Profiles();
        var content = MinMax(x.Select(xi => (float)TinyCatalog.Dot(x[2], xi)).ToArray());
        float[] popularity = [1f, 0.5f, 0.5f, 0f];
        var scores = new float[4];
        model.Score(new UserQuery(-1, new[] { 2 }, new[] { 1f }), scores);
        for (var i = 0; i < 4; i++)
            Assert.Equal(0.3f * popularity[i] + 0.7f * content[i], scores[i], 5);
        Assert.Equal([0.3f, 0.7f], model.Weights);
    }

    [Fact]
    public void A_user_no_weighted_component_can_rank_gets_the_components_that_can()
    {
        // Weights fitted on users with a history may give popularity nothing; a new user must still get popularity.
        var train = TinyCatalog.Ratings(FeedbackKind.Implicit);
        var model = new WeightedHybrid(new WeightedHybridOptions
        {
            Components = ["most-popular", "user-knn-implicit"], Weights = [0f, 1f], Normalization = ScoreNormalization.MinMax,
        });
        model.Fit(train, FitContext.Default);

        var scores = new float[4];
        model.Score(new UserQuery(-1, ReadOnlyMemory<int>.Empty, ReadOnlyMemory<float>.Empty), scores);
        Assert.Equal([1f, 0.5f, 0.5f, 0f], scores);

        // With a history the weights hold: the blend is user-kNN's own ranking, popularity counts for nothing.
        var history = new UserQuery(-1, new[] { 2 }, new[] { 1f });
        model.Score(history, scores);
        var knn = new float[4];
        model.Parts[1].Score(history, knn);
        Assert.Equal(MinMax(knn), scores);
    }

    [Theory]
    [InlineData(WeightFitting.Grid)]
    [InlineData(WeightFitting.LeastSquares)]
    public void Fitted_weights_favour_the_component_that_carries_the_answer(WeightFitting fitting)
    {
        // On the checkerboard the parity feature is the answer: content-based ranks held-out items first, random does not.
        var train = CheckerboardFeatures.With(Support.Checkerboard.Implicit());
        WeightedHybrid Fit()
        {
            var model = new WeightedHybrid(new WeightedHybridOptions { Components = ["random", "content-based"], Fitting = fitting, GridStep = 0.25 });
            model.Fit(train, new FitContext { Seed = 5 });
            return model;
        }
        var model = Fit();
        Assert.True(model.Weights[1] > model.Weights[0], $"weights {string.Join(", ", model.Weights)}");
        Assert.Equal(model.Weights, Fit().Weights);
        if (fitting == WeightFitting.Grid)
            Assert.Equal(1f, model.Weights.Sum(), 5);
    }

    [Fact]
    public void A_cold_user_validation_split_fits_weights_for_short_histories()
    {
        var train = CheckerboardFeatures.With(Support.Checkerboard.Implicit());
        var model = new WeightedHybrid(new WeightedHybridOptions
        {
            Components = ["random", "content-based"], ValidationSplit = "cold-users:0.25:onboard=2", GridStep = 0.25,
        });
        model.Fit(train, new FitContext { Seed = 5 });
        Assert.True(model.Weights[1] > model.Weights[0]);
    }

    [Fact]
    public void Bad_components_weights_and_splits_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions { Components = ["most-populr"] }));
        Assert.Contains("most-popular", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions { Components = ["random", "most-popular"], Weights = [1] }));
        Assert.Contains("one weight per component", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions { ValidationSplit = "cold-usrs:0.2" }));
        Assert.Contains("ValidationSplit", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions { Components = ["item-knn:neighbours=3"] }));
        Assert.Contains("neighbors", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Components_take_options_with_semicolons_and_lists_with_plus_by_name()
    {
        var model = (WeightedHybrid)RecommenderRegistry.Default.Parse(
            "weighted-hybrid:components=most-popular|content-based:fields=genre+tag;weighting=raw,weights=1|2");
        var content = Assert.IsType<RecLab.Recommenders.Content.ContentBased>(model.Parts[1]);
        Assert.Equal(["genre", "tag"], content.Options.Fields);
        Assert.Equal(RecLab.Recommenders.Content.FeatureWeighting.Raw, content.Options.Weighting);
    }

    [Fact]
    public void It_accepts_only_what_every_component_accepts()
    {
        Assert.Equal(FeedbackKinds.Implicit, new WeightedHybrid(new WeightedHybridOptions { Components = ["most-popular", "implicit-als"] }).Accepts);
        Assert.Equal(FeedbackKinds.Any, new WeightedHybrid().Accepts);
    }
}
