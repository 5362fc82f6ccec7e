using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Splitting;
using RecLab.Tests.Support;

namespace RecLab.Tests.Evaluation;

public sealed class EvaluatorTests
{
    // Users a, b, c; items i0..i4. Train popularity: i0 3, i1 2, i2 1, i3 0, i4 0.
    private static (InteractionData Train, InteractionData Test) Tiny(FeedbackKind kind = FeedbackKind.Explicit)
    {
        var users = IdMap.FromIds(["a", "b", "c"]);
        var items = IdMap.FromIds(["i0", "i1", "i2", "i3", "i4"]);
        InteractionData Build(params (int U, int I, float V)[] rows)
        {
            var b = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
            foreach (var (u, i, v) in rows)
                b.Add(u, i, v);
            return b.Build(kind, kind == FeedbackKind.Explicit ? RatingScale.OneToFive : null, DuplicatePolicy.LastInInput, users, items, out _);
        }
        var train = Build((0, 0, 5), (1, 0, 4), (2, 0, 3), (1, 1, 2), (2, 1, 5), (2, 2, 4));
        // a: test i1 (5, relevant) and i3 (2, not); b: test i2 (4) and i4 (5); c: test i3 (1, nothing relevant).
        var test = Build((0, 1, 5), (0, 3, 2), (1, 2, 4), (1, 4, 5), (2, 3, 1));
        return (train, test);
    }

    private static readonly IMetric[] RankingMetrics = [new Precision(2), new Ndcg(2), new Recall(2)];

    [Fact]
    public void Most_popular_on_a_tiny_fold_matches_hand_computed_values()
    {
        var (train, test) = Tiny();
        var model = new MostPopular();
        var result = Evaluator.Evaluate(model, new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = RankingMetrics }, FitContext.Default);

        // a has seen i0: list [i1, i2] (i3/i4 tie at 0, lower index first). Hit i1 at rank 1: P=1/2, R=1/1, NDCG=1.
        // b has seen i0, i1: list [i2, i3]. Hit i2 at rank 1 of relevant {i2, i4}: P=1/2, R=1/2,
        //   NDCG = 1 / (1 + 1/log2 3) = 0.6131.
        // c has no relevant test item: excluded from the means and counted.
        Assert.Equal(3, result.TestUsers);
        Assert.Equal(2, result.UsersEvaluated);
        Assert.Equal(1, result.UsersWithoutRelevant);
        Assert.Equal(0.5, result["precision@2"].Value, 12);
        Assert.Equal(0.75, result["recall@2"].Value, 12);
        Assert.Equal((1 + 1 / (1 + 1 / Math.Log2(3))) / 2, result["ndcg@2"].Value, 12);
        Assert.Equal([0, 1], result["ndcg@2"].Users);
    }

    private sealed class ConstantPredictor() : RatingPredictor<NoOptions>(new NoOptions())
    {
        public override string Name => "constant";

        protected override float Estimate(int user, int item) => user == 0 ? 4f : 3f;

        // Test items the training data never saw get the same constant, not the training mean.
        protected override float DefaultEstimate(int user, int item) => Estimate(user, item);
    }

    [Fact]
    public void Rmse_and_mae_are_over_all_test_ratings_and_per_user_values_are_kept()
    {
        var (train, test) = Tiny();
        var result = Evaluator.Evaluate(new ConstantPredictor(), new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = [new Rmse(), new Mae()] }, FitContext.Default);
        // Errors: a predicts 4 for 5 and 2 -> -1, +2; b predicts 3 for 4, 5 -> -1, -2; c predicts 3 for 1 -> +2.
        Assert.Equal(Math.Sqrt((1 + 4 + 1 + 4 + 4) / 5.0), result["rmse"].Value, 6);
        Assert.Equal(8 / 5.0, result["mae"].Value, 6);
        Assert.Equal(5, result.RatingsPredicted);
        Assert.Equal([Math.Round(Math.Sqrt(2.5), 6), Math.Round(Math.Sqrt(2.5), 6), 2.0], result["rmse"].PerUser.Select(v => Math.Round(v, 6)));
    }

    private sealed class NaNPredictor() : RatingPredictor<NoOptions>(new NoOptions())
    {
        public override string Name => "broken";

        protected override float Estimate(int user, int item) => user == 1 ? float.NaN : 3f;

        protected override float DefaultEstimate(int user, int item) => Estimate(user, item);
    }

    [Fact]
    public void A_nan_prediction_is_a_named_failure_not_an_rmse_of_nan()
    {
        // Rating predictors promise a number for every pair; NaN here was reported as "rmse n/a" and a succeeded cell.
        var (train, test) = Tiny();

        var e = Assert.Throws<NonFiniteResultException>(() => Evaluator.Evaluate(new NaNPredictor(), new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = [new Rmse()] }, FitContext.Default));

        Assert.Equal("broken produced NaN or infinite predictions for 2 of 5 test ratings; the result is not reported as a number. " +
            "Check the options (regularization, learning rate) and the data.", e.Message);
    }

    [Fact]
    public void A_fold_that_tests_nothing_stops_cross_validation()
    {
        // kfold:8 over six interactions: folds 7 and 8 would test nothing and report their metrics as n/a.
        var (train, test) = Tiny();
        var all = train.Subset(Enumerable.Range(0, train.Count).ToArray());
        var splitter = RecLab.Splitting.SplitSpec.Parse("kfold:8");

        var e = Assert.Throws<ArgumentException>(() => (object)CrossValidation.Run([("pop", "", () => new MostPopular())], new Dataset("tiny", all), splitter,
            new EvaluationOptions { Metrics = RankingMetrics }, 1, ct: TestContext.Current.CancellationToken));

        Assert.Equal("Split 'kfold:8': fold 7 of 8 has no test interactions; the data (6 interactions) is too small for it. Use fewer folds or a larger test share.",
            e.Message);
    }

    [Fact]
    public void Rating_metrics_of_a_ranking_only_model_are_marked_not_applicable()
    {
        var (train, test) = Tiny();
        var result = Evaluator.Evaluate(new MostPopular(), new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = [new Rmse()] }, FitContext.Default);
        Assert.True(double.IsNaN(result["rmse"].Value));
        Assert.Contains("does not predict ratings", result["rmse"].Note);
    }

    [Fact]
    public void Implicit_test_data_makes_every_test_interaction_relevant()
    {
        var (train, test) = Tiny(FeedbackKind.Implicit);
        var result = Evaluator.Evaluate(new MostPopular(), new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = RankingMetrics }, FitContext.Default);
        Assert.Equal(3, result.UsersEvaluated);
        // c has seen i0..i2: list [i3, i4]; i3 is relevant at rank 1: P = 1/2.
        Assert.Equal(0.5, result["precision@2"].PerUser[2], 12);
    }

    [Fact]
    public void Excluding_untrained_items_ranks_only_the_training_items_and_keeps_the_others_relevant()
    {
        // i3 and i4 have no training interaction. c has seen i0..i2, so nothing is left to rank; b's relevant i4 can
        // no longer be hit but still counts in its recall (as in Microsoft Recommenders' and LensKit's evaluations).
        var (train, test) = Tiny(FeedbackKind.Implicit);
        var result = Evaluator.Evaluate(new MostPopular(), new Dataset("tiny", train), new Fold(0, train, test),
            new EvaluationOptions { Metrics = RankingMetrics, ExcludeUntrainedItems = true }, FitContext.Default);
        Assert.Equal(3, result.UsersEvaluated);
        Assert.Equal([0.5, 0.5, 0.0], result["precision@2"].PerUser);
        Assert.Equal([0.5, 0.5, 0.0], result["recall@2"].PerUser);
    }

    [Fact]
    public void Cold_start_queries_carry_the_onboarding_history_and_exclude_it()
    {
        var (train, test) = Tiny(FeedbackKind.Implicit);
        // Onboarding for c: i4 (handed to the query, not trained on).
        var b = new InteractionDataBuilder(new IdMapBuilder(train.Users), new IdMapBuilder(train.Items));
        b.Add(2, 4, 1f);
        var onboarding = b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.LastInInput, train.Users, train.Items, out _);
        var model = new HistoryRecorder();
        var result = Evaluator.Evaluate(model, new Dataset("tiny", train), new Fold(0, train, test, onboarding),
            new EvaluationOptions { Metrics = [new Precision(1)] }, FitContext.Default);
        Assert.Equal([0, 1, 2, 4], model.Histories[2]);
        Assert.Equal([0], model.Histories[0]);
        // c's candidates exclude i0, i1, i2, i4: the list is [i3], which is its test item.
        Assert.Equal(1.0, result["precision@1"].PerUser[2]);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var data = Support.Checkerboard.Implicit();
        var fold = SplitSpec.Parse("user-holdout:0.3").CreateFold(data, 0, 9);
        var dataset = new Dataset("checkerboard", data);
        IMetric[] metrics = [new Ndcg(5), new Precision(5), new CatalogCoverage(5), new Gini(5), new Auc()];
        var one = Evaluator.Evaluate(new MostPopular(), dataset, fold, new EvaluationOptions { Metrics = metrics, MaxThreads = 1 }, FitContext.Default);
        var four = Evaluator.Evaluate(new MostPopular(), dataset, fold, new EvaluationOptions { Metrics = metrics, MaxThreads = 4 }, FitContext.Default);
        for (var m = 0; m < metrics.Length; m++)
        {
            Assert.Equal(one.Metrics[m].Value, four.Metrics[m].Value);
            Assert.Equal(one.Metrics[m].PerUser, four.Metrics[m].PerUser);
        }
    }
}
