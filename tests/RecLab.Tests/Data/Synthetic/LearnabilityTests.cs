using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;
using RecLab.Splitting;

namespace RecLab.Tests.Data.Synthetic;

/// <summary>
/// The data has learnable signal: against clicks drawn without exposure (every item shown once at the top), a model
/// trained on the log (implicit ALS) beats popularity and stays well below the oracle that ranks by true affinity.
/// On a holdout of the biased log itself the oracle loses even to popularity, because the log follows the logging
/// policy's exposure: the exposure bias of production logs, reproduced.
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
    public void Learned_model_lands_between_popularity_and_the_oracle_on_exposure_free_clicks()
    {
        var world = SyntheticWorlds.Tiny;
        var dataset = world.ToDataset("synthetic:tiny");
        var fold = new Fold(0, world.Implicit(), world.CounterfactualClicks(world.Items.Count, seed: 1));
        var oracle = Ndcg(new Oracle(world), dataset, fold);
        var learned = Ndcg(new ImplicitAls(new ImplicitAlsOptions { Factors = 32 }), dataset, fold);
        var popularity = Ndcg(new MostPopular(), dataset, fold);
        var random = Ndcg(new RandomRecommender(new RandomOptions()), dataset, fold);
        var figures = $"oracle {oracle:0.000}, implicit-als {learned:0.000}, popularity {popularity:0.000}, random {random:0.000}";
        TestContext.Current.TestOutputHelper?.WriteLine($"tiny, exposure-free clicks, ndcg@10: {figures}");
        Assert.True(learned > popularity && popularity > random, figures);
        Assert.True(learned < 0.75 * oracle, figures);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void On_small_exposure_free_clicks_rank_popularity_below_learned_models_below_the_oracle()
    {
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = new Fold(0, world.Implicit(), world.CounterfactualClicks(world.Items.Count, seed: 1));
        var oracle = Ndcg(new Oracle(world), dataset, fold);
        var als = Ndcg(new ImplicitAls(new ImplicitAlsOptions()), dataset, fold);
        var bpr = Ndcg(new Bpr(new BprOptions()), dataset, fold);
        var popularity = Ndcg(new MostPopular(), dataset, fold);
        var figures = $"oracle {oracle:0.000}, bpr {bpr:0.000}, implicit-als {als:0.000}, popularity {popularity:0.000}";
        TestContext.Current.TestOutputHelper?.WriteLine($"small, exposure-free clicks, ndcg@10: {figures}");
        Assert.True(als > popularity && bpr > popularity, figures);
        Assert.True(als < oracle && bpr < oracle, figures);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void On_a_logged_holdout_the_learned_model_beats_popularity_and_exposure_bias_sinks_the_oracle()
    {
        // On small (20,000 items) a user sees about 2% of the catalogue: what they click next is what gets shown.
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("user-holdout:0.2").CreateFold(world.Implicit(), 0, seed: 1);
        var oracle = Ndcg(new Oracle(world), dataset, fold);
        var learned = Ndcg(new ImplicitAls(new ImplicitAlsOptions()), dataset, fold);
        var popularity = Ndcg(new MostPopular(), dataset, fold);
        var figures = $"implicit-als {learned:0.000}, popularity {popularity:0.000}, oracle {oracle:0.000}";
        TestContext.Current.TestOutputHelper?.WriteLine($"small, logged user-holdout:0.2, ndcg@10: {figures}");
        Assert.True(learned > popularity, figures);
        Assert.True(popularity > oracle, figures);
    }
}
