using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Splitting;

namespace RecLab.Tests.Data.Synthetic;

/// <summary>
/// The oracle side of the learnability check (a learned model should land between popularity and the oracle; the
/// learned models come with their own issues). Relevance drawn without exposure puts the oracle far above popularity;
/// on a holdout of the biased log of small, popularity beats the oracle, because the log follows the logging policy's
/// exposure.
/// </summary>
public sealed class LearnabilityTests
{
    private sealed class Oracle(World world) : IRecommender
    {
        public string Name => "oracle";

        public FeedbackKinds Accepts => FeedbackKinds.Any;

        public int ItemCount => world.Items.Count;

        public void Fit(TrainingSet train, FitContext context)
        {
        }

        public void Score(in UserQuery query, Span<float> scores) => world.AffinityScores(query.User, scores);
    }

    private static double Ndcg(IRecommender model, Dataset dataset, Fold fold) =>
        Evaluator.Evaluate(model, dataset, fold, new EvaluationOptions { Metrics = [MetricSpec.Parse("ndcg@10")] },
            FitContext.Default with { Seed = 1, CancellationToken = TestContext.Current.CancellationToken }).Metrics[0].Value;

    [Fact]
    public void Oracle_is_far_above_popularity_on_exposure_free_clicks()
    {
        var world = SyntheticWorlds.Tiny;
        var dataset = world.ToDataset("synthetic:tiny");
        var fold = new Fold(0, world.Implicit(), world.CounterfactualClicks(world.Items.Count, seed: 1));
        var oracle = Ndcg(new Oracle(world), dataset, fold);
        var popularity = Ndcg(new MostPopular(), dataset, fold);
        var random = Ndcg(new RandomRecommender(new RandomOptions()), dataset, fold);
        Assert.True(oracle > 2 * popularity, $"oracle {oracle:0.000}, popularity {popularity:0.000}");
        Assert.True(popularity > random, $"popularity {popularity:0.000}, random {random:0.000}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Exposure_bias_lets_popularity_beat_the_oracle_on_a_logged_holdout()
    {
        // On small (20,000 items) a user sees about 2% of the catalogue: what they click next is what gets shown.
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("user-holdout:0.2").CreateFold(world.Implicit(), 0, seed: 1);
        var oracle = Ndcg(new Oracle(world), dataset, fold);
        var popularity = Ndcg(new MostPopular(), dataset, fold);
        Assert.True(popularity > oracle, $"popularity {popularity:0.000}, oracle {oracle:0.000}");
    }
}
