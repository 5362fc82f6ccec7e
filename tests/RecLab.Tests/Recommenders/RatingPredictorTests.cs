using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders;

/// <summary>The rating-predictor base: Estimate is asked about known pairs only; the rest get Surprise's default_prediction().</summary>
public sealed class RatingPredictorTests
{
    /// <summary>Estimates 1 for every pair it is asked about, and remembers that it was asked.</summary>
    private sealed class KnownPairsOnly() : RatingPredictor<NoOptions>(new NoOptions())
    {
        public int Asked;

        public override string Name => "known-pairs-only";

        protected override float Estimate(int user, int item)
        {
            Interlocked.Increment(ref Asked);
            return 1f;
        }
    }

    [Fact]
    public void Unknown_users_and_items_get_the_mean_of_the_training_ratings()
    {
        // Users a, b, c (c has no ratings); items i0, i1, i2 (i2 has no ratings). Ratings 5, 4, 2: mean 11/3.
        var users = IdMap.FromIds(["a", "b", "c"]);
        var items = IdMap.FromIds(["i0", "i1", "i2"]);
        var builder = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        builder.Add(0, 0, 5);
        builder.Add(1, 0, 4);
        builder.Add(1, 1, 2);
        var data = builder.Build(FeedbackKind.Explicit, RatingScale.OneToFive, DuplicatePolicy.LastInInput, users, items, out _);
        var model = new KnownPairsOnly();
        model.Fit(new TrainingSet(data), FitContext.Default);

        Assert.Equal(1f, model.Predict(0, 1));
        Assert.Equal(1, model.Asked);
        Assert.Equal(11f / 3, model.Predict(2, 0), 6);
        Assert.Equal(11f / 3, model.Predict(0, 2), 6);
        Assert.Equal(11f / 3, model.Predict(-1, 0), 6);
        var scores = new float[3];
        model.Score(new UserQuery(-1, ReadOnlyMemory<int>.Empty, ReadOnlyMemory<float>.Empty), scores);
        Assert.All(scores, s => Assert.Equal(11f / 3, s, 6));
        Assert.Equal(1, model.Asked);
    }
}
