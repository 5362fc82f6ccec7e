using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Content;
using RecLab.Recommenders.Hybrid;
using RecLab.Recommenders.Neighborhood;
using RecLab.Splitting;
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
            Components = ["random", "content-based"], ValidationSplit = SplitSpec.Parse("cold-users:0.25:onboard=2"), GridStep = 0.25,
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
        e = Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse("weighted-hybrid:validation_split=cold-usrs:0.2"));
        Assert.Contains("ValidationSplit", e.Message);
        Assert.Contains("cold-users", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions
        {
            Components = ["most-popular", new RecommenderSpec("item-knn", new ItemKnnOptions { Neighbors = 0 })],
        }));
        Assert.Contains("Components [1] item-knn: option Neighbors must be at least 1 (got 0)", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WeightedHybrid(new WeightedHybridOptions
        {
            Components = [new RecommenderSpec("item-knn", new ItemKnnImplicitOptions())],
        }));
        Assert.Contains("item-knn takes ItemKnnOptions, not ItemKnnImplicitOptions", e.Message);
    }

    [Fact]
    public void Components_are_typed_options_of_their_kind()
    {
        var model = new WeightedHybrid(new WeightedHybridOptions
        {
            Components = ["most-popular", new RecommenderSpec("content-based", new ContentBasedOptions { Fields = ["genre", "tag"], Weighting = FeatureWeighting.Raw })],
            Weights = [1, 2],
        });
        var content = Assert.IsType<ContentBased>(model.Parts[1]);
        Assert.Equal(["genre", "tag"], content.Options.Fields);
        Assert.Equal(FeatureWeighting.Raw, content.Options.Weighting);
        Assert.IsType<RecLab.Recommenders.Baselines.MostPopular>(model.Parts[0]);
        // The command line names components with their defaults.
        var parsed = (WeightedHybrid)RecommenderRegistry.Default.Parse("weighted-hybrid:components=most-popular|content-based,weights=1|2");
        Assert.Equal(["most-popular", "content-based"], parsed.Parts.Select(p => p.Name));
    }

    [Fact]
    public void Components_come_from_the_registry_that_made_the_hybrid()
    {
        var registry = RecommenderRegistry.WithBuiltIns()
            .Add<MostPopularOptions>("popular-by-count", "Most popular, under a name only this registry has.", o => new MostPopular(o));
        var spec = new WeightedHybridOptions { Components = ["popular-by-count", "content-based"], Weights = [1, 1] };

        var model = (WeightedHybrid)registry.Create(new RecommenderSpec("weighted-hybrid", spec));

        Assert.IsType<MostPopular>(model.Parts[0]);
        var e = Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Create(new RecommenderSpec("weighted-hybrid", spec)));
        Assert.Contains("option Components: Unknown algorithm 'popular-by-count'", e.Message);
        Assert.False(RecommenderRegistry.Default.TryGet("popular-by-count", out _));
    }

    [Fact]
    public void It_accepts_only_what_every_component_accepts()
    {
        Assert.Equal(FeedbackKinds.Implicit, new WeightedHybrid(new WeightedHybridOptions { Components = ["most-popular", "implicit-als"] }).Accepts);
        Assert.Equal(FeedbackKinds.Any, new WeightedHybrid().Accepts);
    }
}
