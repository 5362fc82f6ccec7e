using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Splitting;
using RecLab.Tests.Support;

namespace RecLab.Tests.Evaluation;

/// <summary>Onboarding sizes (the user cold-start curve) and the activity breakdown of the evaluator.</summary>
public sealed class ColdStartEvaluationTests
{
    private static InteractionData Build(IdMap users, IdMap items, params (int U, int I, long T)[] rows)
    {
        var b = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        foreach (var (u, i, t) in rows)
            b.Add(u, i, 1f, t);
        return b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.LastInInput, users, items, out _);
    }

    // a, b in train; c is cold with onboarding i3 (t=300), i4 (t=100), i5 (t=200) and test item i2.
    private static (Dataset Data, Fold Fold) ColdUser()
    {
        var users = IdMap.FromIds(["a", "b", "c"]);
        var items = IdMap.FromIds(["i0", "i1", "i2", "i3", "i4", "i5"]);
        var train = Build(users, items, (0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 2, 4));
        var onboarding = Build(users, items, (2, 3, 300), (2, 4, 100), (2, 5, 200));
        var test = Build(users, items, (2, 2, 400));
        return (new Dataset("cold", train), new Fold(0, train, test, onboarding));
    }

    [Fact]
    public void Onboarding_size_hands_the_earliest_interactions_and_withholds_the_rest_from_the_candidates()
    {
        var (data, fold) = ColdUser();
        var model = new HistoryRecorder(highestIndexFirst: true);
        var options = new EvaluationOptions { Metrics = [new Precision(1)], OnboardingSize = 2 };
        var result = Evaluator.Evaluate(model, data, fold, options, FitContext.Default);
        Assert.Equal([4, 5], model.Histories[2]);
        // i5 and i4 are history, i3 is withheld: the top item is i2, the test item.
        Assert.Equal(1.0, result["precision@1"].Value);

        var none = Evaluator.Evaluate(model, data, fold, options with { OnboardingSize = 0 }, FitContext.Default);
        Assert.Empty(model.Histories[2]);
        Assert.Equal(1.0, none["precision@1"].Value);

        // Without a size, every onboarding interaction is history.
        Evaluator.Evaluate(model, data, fold, options with { OnboardingSize = null }, FitContext.Default);
        Assert.Equal([3, 4, 5], model.Histories[2]);
    }

    [Fact]
    public void Without_timestamps_smaller_onboarding_sizes_get_subsets_of_larger_ones()
    {
        var users = IdMap.Sequential(30);
        var items = IdMap.Sequential(12);
        var train = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        var onboardingRows = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        var testRows = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
        for (var u = 0; u < 30; u++)
        {
            train.Add(u, 0, 1f);
            for (var k = 1; k <= 6; k++)
                onboardingRows.Add(u, (u + k) % 11 + 1, 1f);
            testRows.Add(u, (u + 7) % 11 + 1, 1f);
        }
        InteractionData Done(InteractionDataBuilder b) => b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.LastInInput, users, items, out _);
        var trainData = Done(train);
        var onboarding = Done(onboardingRows);
        var test = Done(testRows);
        var fold = new Fold(0, trainData, test, onboarding);
        var histories = new Dictionary<int, int[]>[7];
        for (var size = 0; size <= 6; size++)
        {
            var model = new HistoryRecorder(highestIndexFirst: true);
            Evaluator.Measure(Fitted(model, trainData), fold, new EvaluationOptions { Metrics = [new Precision(1)], OnboardingSize = size }, 5, TimeSpan.Zero,
                ct: TestContext.Current.CancellationToken);
            histories[size] = model.Histories.ToDictionary(p => p.Key, p => p.Value.Where(i => i != 0).ToArray());
        }
        for (var u = 0; u < 30; u++)
            for (var size = 0; size < 6; size++)
            {
                Assert.Equal(size, histories[size][u].Length);
                Assert.Subset(histories[size + 1][u].ToHashSet(), histories[size][u].ToHashSet());
            }
        // The sample differs between users (it is not just the lowest items).
        Assert.Contains(Enumerable.Range(0, 30), u => histories[1][u][0] != onboarding.ByUser.RowIndices(u)[0]);
    }

    private static IRecommender Fitted(IRecommender model, InteractionData train)
    {
        model.Fit(new TrainingSet(train), FitContext.Default);
        return model;
    }

    // Users a, b, c; items i0..i4; train activity a 1, b 2, c 3 (as in EvaluatorTests' tiny fold).
    private static (InteractionData Train, InteractionData Test) Tiny()
    {
        var users = IdMap.FromIds(["a", "b", "c"]);
        var items = IdMap.FromIds(["i0", "i1", "i2", "i3", "i4"]);
        InteractionData Of(params (int U, int I, float V)[] rows)
        {
            var b = new InteractionDataBuilder(new IdMapBuilder(users), new IdMapBuilder(items));
            foreach (var (u, i, v) in rows)
                b.Add(u, i, v);
            return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive, DuplicatePolicy.LastInInput, users, items, out _);
        }
        return (Of((0, 0, 5), (1, 0, 4), (2, 0, 3), (1, 1, 2), (2, 1, 5), (2, 2, 4)),
            Of((0, 1, 5), (0, 3, 2), (1, 2, 4), (1, 4, 5), (2, 3, 1)));
    }

    [Fact]
    public void Activity_buckets_average_per_user_values_by_known_interactions()
    {
        var (train, test) = Tiny();
        var options = new EvaluationOptions { Metrics = [new Ndcg(2), new CatalogCoverage(2)], ActivityBuckets = [1, 3] };
        var result = Evaluator.Evaluate(new MostPopular(), new Dataset("tiny", train), new Fold(0, train, test), options, FitContext.Default);
        // ndcg@2: a 1 (activity 1), b 1/(1 + 1/log2 3) (activity 2), c undefined (activity 3, nothing relevant).
        Assert.Equal(["1-2", "3+"], result.Buckets.Select(b => b.Label));
        var low = result.Buckets[0];
        Assert.Equal(2, low.Users);
        Assert.Equal((1, 2), (low.Min, low.Max!.Value));
        Assert.Equal((1 + 1 / (1 + 1 / Math.Log2(3))) / 2, low["ndcg@2"].Mean, 12);
        Assert.Equal(2, low["ndcg@2"].Count);
        Assert.Single(low.Metrics); // coverage is not a per-user metric
        // c is in the open bucket but has no relevant item: the bucket is there, its mean undefined.
        Assert.Equal(1, result.Buckets[1].Users);
        Assert.Null(result.Buckets[1].Max);
        Assert.True(double.IsNaN(result.Buckets[1]["ndcg@2"].Mean));

        var pooled = ActivityBreakdown.Pool([result.Buckets, result.Buckets]);
        Assert.Equal(4, pooled[0].Users);
        Assert.Equal(low["ndcg@2"].Mean, pooled[0]["ndcg@2"].Mean, 12);
        Assert.Equal(4, pooled[0]["ndcg@2"].Count);

        var without = Evaluator.Evaluate(new MostPopular(), new Dataset("tiny", train), new Fold(0, train, test), options with { ActivityBuckets = null }, FitContext.Default);
        Assert.Empty(without.Buckets);
    }

    [Fact]
    public void Cold_users_get_a_bucket_below_the_first_bound()
    {
        var (data, fold) = ColdUser();
        var options = new EvaluationOptions { Metrics = [new Precision(1)], ActivityBuckets = ActivityBreakdown.DefaultBounds, OnboardingSize = 0 };
        var result = Evaluator.Evaluate(new HistoryRecorder(highestIndexFirst: true), data, fold, options, FitContext.Default);
        Assert.Equal("0", Assert.Single(result.Buckets).Label);
        var three = Evaluator.Evaluate(new HistoryRecorder(highestIndexFirst: true), data, fold, options with { OnboardingSize = 3 }, FitContext.Default);
        Assert.Equal("1-5", Assert.Single(three.Buckets).Label);
    }

    [Theory]
    [InlineData("1,6,21,101", new[] { 1, 6, 21, 101 })]
    [InlineData(" 0, 10 ", new[] { 0, 10 })]
    public void Bucket_bounds_parse(string text, int[] expected) => Assert.Equal(expected, ActivityBreakdown.ParseBounds(text));

    [Theory]
    [InlineData("")]
    [InlineData("5,5")]
    [InlineData("6,1")]
    [InlineData("-1,4")]
    [InlineData("one")]
    public void Bad_bucket_bounds_are_refused(string text) => Assert.Throws<ArgumentException>(() => ActivityBreakdown.ParseBounds(text));

    [Fact]
    public void Onboarding_curve_fits_once_and_measures_every_size_on_the_same_users()
    {
        var data = Support.Checkerboard.Implicit();
        var dataset = new Dataset("checkerboard", data);
        var split = SplitSpec.Parse("cold-users:0.25:onboard=6");
        var results = CrossValidation.RunOnboardingCurve([("pop", "", () => new MostPopular())], dataset, split,
            new EvaluationOptions { Metrics = [new Ndcg(5)], BootstrapResamples = 0 }, [0, 3, 6], 3, ct: TestContext.Current.CancellationToken);
        Assert.Equal([0, 3, 6], results.Select(r => r.OnboardingSize!.Value));
        Assert.All(results, r => Assert.Equal(results[0]["ndcg@5"].Keys, r["ndcg@5"].Keys));
        Assert.Throws<ArgumentException>(() => CrossValidation.RunOnboardingCurve([("pop", "", () => new MostPopular())], dataset, split,
            new EvaluationOptions { Metrics = [new Ndcg(5)] }, [], 3, ct: TestContext.Current.CancellationToken));
    }
}
