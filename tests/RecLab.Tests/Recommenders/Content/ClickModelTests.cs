using RecLab.Data;
using RecLab.Evaluation.Metrics;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Content;

public sealed class ClickModelTests : RecommenderContract<ClickModel>
{
    // Without an impression log the checkerboard's interactions are clicks; user x parity crosses carry the answer.
    protected override ClickModel Create() => new(new ClickModelOptions { HashBits = 12, CrossFields = ["parity"], UserCrosses = true });

    protected override TrainingSet CheckerboardFor(ClickModel model) => CheckerboardFeatures.For(model);

    /// <summary>
    /// Four items (topics a, a, b, b) and 200 users (young or old) shown items at positions 0 and 1. Click probability:
    /// 0.30 when the user's age matches the topic (young-a, old-b), 0.05 otherwise, halved at position 1.
    /// </summary>
    private static (TrainingSet Train, Func<int, int, int, double> Truth) ShownLog(int impressions, ulong seed)
    {
        var users = IdMap.Sequential(200);
        var items = IdMap.Sequential(4);
        var interactions = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        var f = new ItemFeaturesBuilder();
        for (var i = 0; i < 4; i++)
            f.Add(i, "topic", i < 2 ? "a" : "b");
        var ages = new UserFeaturesBuilder("age");
        for (var u = 0; u < 200; u++)
            ages.Set(u, "age", u % 2 == 0 ? "young" : "old");
        double Truth(int u, int i, int k) => ((u % 2 == 0) == (i < 2) ? 0.30 : 0.05) * (k == 0 ? 1 : 0.5);
        var rng = new Rng(seed);
        var (us, its, ps, cs) = (new int[impressions], new int[impressions], new int[impressions], new bool[impressions]);
        for (var r = 0; r < impressions; r++)
        {
            (us[r], its[r], ps[r]) = (rng.NextInt(200), rng.NextInt(4), rng.NextInt(2));
            cs[r] = rng.NextDouble() < Truth(us[r], its[r], ps[r]);
            if (cs[r])
                interactions.Add(us[r], its[r], 1f);
        }
        var data = interactions.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum, users, items, out _);
        var log = new ImpressionLog(users, items, us, its, ps, cs);
        return (new TrainingSet(data, f.Build(items), ages.Build(users), log), Truth);
    }

    [Fact]
    public void Learns_topic_by_age_crosses_and_the_position_effect_from_impressions()
    {
        var (train, truth) = ShownLog(60_000, 11);
        var model = new ClickModel(new ClickModelOptions { HashBits = 14, Regularization = 0.1 });
        model.Fit(train, new FitContext { Seed = 1 });
        for (var u = 0; u < 2; u++)
            for (var i = 0; i < 4; i++)
                for (var k = 0; k < 2; k++)
                    Assert.Equal(truth(u, i, k), model.Predict(u, i, k), 0.02);
        // As a recommender: a young user gets topic a first, an old user topic b.
        Assert.True(model.Recommend(new UserQuery(0, default, default), 1, excludeHistory: false)[0].Item < 2);
        Assert.True(model.Recommend(new UserQuery(1, default, default), 1, excludeHistory: false)[0].Item >= 2);
    }

    /// <summary>Every learner's predictions on held-out impressions rank about as well as the true probabilities.</summary>
    [Theory]
    [InlineData(ClickLearner.Logistic)]
    [InlineData(ClickLearner.Ffm)]
    [InlineData(ClickLearner.Gbdt)]
    [InlineData(ClickLearner.LightGbm)]
    public void Evaluate_reports_log_loss_and_auc_of_its_predictions(ClickLearner learner)
    {
        var (train, truth) = ShownLog(20_000, 11);
        var model = new ClickModel(new ClickModelOptions { Learner = learner, HashBits = 14, Trees = 100, Leaves = 8 });
        model.Fit(train, new FitContext { Seed = 1 });
        var heldOut = ShownLog(5_000, 99).Train.Impressions!;
        var report = model.Evaluate(heldOut);
        var predicted = Enumerable.Range(0, heldOut.Count).Select(r => model.Predict(heldOut.UserColumn[r], heldOut.ItemColumn[r], heldOut.Positions[r])).ToArray();
        Assert.Equal(BinaryClassification.Auc(predicted, heldOut.Clicked), report.Auc, 12);
        Assert.Equal(BinaryClassification.LogLoss(predicted, heldOut.Clicked), report.LogLoss, 12);
        Assert.Equal((heldOut.Count, heldOut.ClickCount), (report.Impressions, report.Clicks));
        // Close to the AUC of the true probabilities, which no model can beat in expectation.
        var ideal = Enumerable.Range(0, heldOut.Count).Select(r => (float)truth(heldOut.UserColumn[r], heldOut.ItemColumn[r], heldOut.Positions[r])).ToArray();
        Assert.InRange(report.Auc, BinaryClassification.Auc(ideal, heldOut.Clicked) - 0.01, 1);
        Assert.InRange(report.LogLoss, BinaryClassification.LogLoss(ideal, heldOut.Clicked) - 0.02, BinaryClassification.LogLoss(ideal, heldOut.Clicked) + 0.02);
    }

    [Fact]
    public void Down_sampled_non_clicks_are_corrected_back_to_calibrated_probabilities()
    {
        var (train, truth) = ShownLog(60_000, 11);
        var model = new ClickModel(new ClickModelOptions { HashBits = 14, Regularization = 0.1, NegativeRate = 0.3 });
        model.Fit(train, new FitContext { Seed = 1 });
        Assert.InRange(model.RowsTrained, 0.3 * 60_000 * 0.85, 0.3 * 60_000 * 1.15 + 0.2 * 60_000);
        for (var i = 0; i < 4; i++)
            Assert.Equal(truth(0, i, 0), model.Predict(0, i, 0), 0.03);
    }

    [Theory]
    [InlineData(ClickLearner.Logistic)]
    [InlineData(ClickLearner.Ffm)]
    [InlineData(ClickLearner.Gbdt)]
    [InlineData(ClickLearner.LightGbm)]
    public void The_fit_does_not_depend_on_the_thread_count(ClickLearner learner)
    {
        var (train, _) = ShownLog(10_000, 5);
        var options = new ClickModelOptions { Learner = learner, HashBits = 12, Trees = 20, Leaves = 8 };
        var one = new ClickModel(options);
        one.Fit(train, new FitContext { Seed = 1, MaxThreads = 1 });
        var four = new ClickModel(options);
        four.Fit(train, new FitContext { Seed = 1, MaxThreads = 4 });
        for (var i = 0; i < 4; i++)
            Assert.Equal(one.Predict(3, i, 1), four.Predict(3, i, 1));
    }
}
