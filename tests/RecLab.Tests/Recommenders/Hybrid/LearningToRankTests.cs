using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Hybrid;
using RecLab.Tests.Recommenders.Content;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class LearningToRankTests : RecommenderContract<LearningToRank>
{
    private static LearningToRankOptions Small => new()
    {
        Generators = ["item-knn-implicit", "most-popular", "content-based"], Candidates = 10, Trees = 20, Leaves = 4, MinExamplesPerLeaf = 5,
        ValidationUsers = 40,
    };

    protected override LearningToRank Create() => new(Small);

    protected override TrainingSet CheckerboardFor(LearningToRank model) => CheckerboardFeatures.For(model);

    [Fact]
    public void Only_the_union_of_the_generators_top_candidates_is_scored()
    {
        var train = CheckerboardFeatures.For(Create());
        var model = new LearningToRank(Small with { Candidates = 3 });
        model.Fit(train, new FitContext { Seed = 3 });
        var scores = new float[train.ItemCount];
        var buffer = new float[train.ItemCount];
        for (var u = 0; u < train.UserCount; u += 5)
        {
            var query = UserQuery.ForUser(train.Interactions, u);
            model.Score(query, scores);
            var expected = new SortedSet<int>();
            foreach (var generator in model.Generators)
                foreach (var r in generator.Recommend(query, 3))
                    expected.Add(r.Item);
            var scored = Enumerable.Range(0, scores.Length).Where(i => !float.IsNaN(scores[i])).ToArray();
            Assert.Equal(expected, scored);
        }
        Assert.True(model.RankerData.Groups > 0 && model.RankerData.Rows >= model.RankerData.Groups);
    }

    [Fact]
    public void The_fit_does_not_depend_on_the_thread_count()
    {
        var train = CheckerboardFeatures.For(Create());
        var one = new LearningToRank(Small);
        one.Fit(train, new FitContext { Seed = 9, MaxThreads = 1 });
        var four = new LearningToRank(Small);
        four.Fit(train, new FitContext { Seed = 9, MaxThreads = 4 });
        var a = new float[train.ItemCount];
        var b = new float[train.ItemCount];
        for (var u = 0; u < train.UserCount; u++)
        {
            one.Score(UserQuery.ForUser(train.Interactions, u), a);
            four.Score(UserQuery.ForUser(train.Interactions, u), b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void A_lightgbm_ranker_serves_the_same_contract()
    {
        var train = CheckerboardFeatures.For(Create());
        var model = new LearningToRank(Small with { Ranker = RankerLearner.LightGbm });
        model.Fit(train, new FitContext { Seed = 1 });
        for (var u = 0; u < train.UserCount; u++)
        {
            var top = model.Recommend(UserQuery.ForUser(train.Interactions, u), 2);
            Assert.All(top, r => Assert.True(Checkerboard.HeldOut(u, r.Item)));
        }
    }

    [Fact]
    public void Bad_generators_and_splits_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new LearningToRank(new LearningToRankOptions { Generators = ["implicit-alz"] }));
        Assert.Contains("Generators", e.Message);
        Assert.Contains("implicit-als", e.Message);
        e = Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse("ltr:validation_split=nope"));
        Assert.Contains("ValidationSplit", e.Message);
    }
}
