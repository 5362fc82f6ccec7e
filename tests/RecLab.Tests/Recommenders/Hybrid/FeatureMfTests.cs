using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Hybrid;
using RecLab.Tests.Recommenders.Content;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class FeatureMfTests : RecommenderContract<FeatureMf>
{
    protected override FeatureMf Create() => new(new FeatureMfOptions { Factors = 8, Epochs = 30 });

    protected override TrainingSet CheckerboardFor(FeatureMf model) => CheckerboardFeatures.For(model);

    /// <summary>The checkerboard without any interaction of item 38 (even): a new item known only by its features.</summary>
    private static TrainingSet WithNewItem()
    {
        var data = Checkerboard.Implicit();
        var rows = Enumerable.Range(0, data.Count).Where(r => data.ItemColumn[r] != 38).ToArray();
        return CheckerboardFeatures.With(data.Subset(rows));
    }

    private static float[] Scores(IRecommender model, in UserQuery query)
    {
        var scores = new float[model.ItemCount];
        model.Score(query, scores);
        return scores;
    }

    [Theory]
    [InlineData(FeatureMfLoss.Warp)]
    [InlineData(FeatureMfLoss.Bpr)]
    public void A_new_item_gets_its_vector_from_its_features_and_reaches_the_users_who_share_them(FeatureMfLoss loss)
    {
        var train = WithNewItem();
        var model = new FeatureMf(new FeatureMfOptions { Factors = 8, Epochs = 40, Loss = loss, Fields = ["parity"] });
        model.Fit(train, new FitContext { Seed = 3 });
        Assert.Contains(model.ItemVector(38).ToArray(), v => v != 0);
        // Even users rank the new even item above every odd item; odd users below every unseen odd item.
        for (var u = 0; u < Checkerboard.Users; u++)
        {
            var scores = Scores(model, UserQuery.ForUser(train.Interactions, u));
            var odd = Enumerable.Range(0, Checkerboard.Items).Where(i => i % 2 == 1).Select(i => scores[i]).ToList();
            if (u % 2 == 0)
                Assert.True(scores[38] > odd.Max(), $"user {u}");
            else
                Assert.True(scores[38] < odd.Min(), $"user {u}");
        }
    }

    [Fact]
    public void A_cold_user_is_folded_in_from_the_history_deterministically()
    {
        var train = CheckerboardFeatures.For(Create());
        var model = Fitted(train);
        // An anonymous user who liked two even items: even items first.
        var query = new UserQuery(-1, new[] { 0, 2 }, new[] { 1f, 1f });
        var scores = Scores(model, query);
        var top = model.Recommend(query, 5);
        Assert.All(top, r => Assert.Equal(0, r.Item % 2));
        Assert.Equal(scores, Scores(model, query));
    }

    [Fact]
    public void A_cold_user_without_history_starts_from_their_feature_categories()
    {
        // Users alternate age bands with their parity, so the age embedding carries the parity preference.
        var data = Checkerboard.Implicit();
        var rows = Enumerable.Range(0, data.Count).Where(r => data.UserOf(r) != 4).ToArray();
        var train = CheckerboardFeatures.With(data.Subset(rows));
        var model = new FeatureMf(new FeatureMfOptions { Factors = 8, Epochs = 40 });
        model.Fit(train, new FitContext { Seed = 3 });
        var top = model.Recommend(new UserQuery(4, ReadOnlyMemory<int>.Empty, ReadOnlyMemory<float>.Empty), 6);
        Assert.True(top.Count(r => r.Item % 2 == 0) >= 5, string.Join(" ", top.Select(r => r.Item)));
    }

    [Fact]
    public void Without_features_or_offsets_there_is_nothing_to_learn()
    {
        var model = new FeatureMf(new FeatureMfOptions { ItemOffsets = false });
        Assert.Throws<NotSupportedException>(() => model.Fit(new TrainingSet(Checkerboard.Implicit()), FitContext.Default));
    }
}
