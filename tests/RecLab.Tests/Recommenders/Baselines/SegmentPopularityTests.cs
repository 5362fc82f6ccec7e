using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Tests.Recommenders.Baselines;

public sealed class SegmentPopularityTests : RecommenderContract<SegmentPopularity>
{
    protected override SegmentPopularity Create() => new();

    // The checkerboard has no user features, so everyone gets the global list.
    protected override bool Personalized => false;

    private static TrainingSet WithAges()
    {
        // a, b: young; c, e: old; d: age unknown; f: "middle", without any interaction.
        // a: i0 i2   b: i0   c: i1 i2   e: i1 i2   d: i2
        // Global counts: i0 2, i1 2, i2 4. Young: i0 2, i2 1. Old: i1 2, i2 2 (tie, broken by global count).
        var users = new IdMapBuilder();
        foreach (var id in new[] { "a", "b", "c", "d", "e", "f" })
            users.GetOrAdd(id);
        var b = new InteractionDataBuilder(users, new IdMapBuilder());
        b.Add("a", "i0", 1); b.Add("a", "i2", 1); b.Add("b", "i0", 1);
        b.Add("c", "i1", 1); b.Add("c", "i2", 1); b.Add("e", "i1", 1); b.Add("e", "i2", 1);
        b.Add("d", "i2", 1);
        var data = b.Build(FeedbackKind.Implicit, null);
        var features = new UserFeaturesBuilder("age");
        foreach (var (user, age) in new[] { ("a", "young"), ("b", "young"), ("c", "old"), ("e", "old"), ("f", "middle") })
            features.Set(data.Users.IndexOf(user), "age", age);
        return new TrainingSet(data, userFeatures: features.Build(data.Users));
    }

    private static int[] Ranked(SegmentPopularity model, TrainingSet train, string user)
    {
        var u = user == "" ? -1 : train.Interactions.Users.IndexOf(user);
        var item = (int i) => train.Interactions.Items.IndexOf($"i{i}");
        var scores = new float[train.ItemCount];
        model.Score(new UserQuery(u, default, default), scores);
        return [.. Enumerable.Range(0, 3).OrderByDescending(i => scores[item(i)]).ThenBy(i => i)];
    }

    [Fact]
    public void Each_segment_gets_its_own_popularity_and_others_the_global_one()
    {
        var train = WithAges();
        var model = new SegmentPopularity();
        model.Fit(train, FitContext.Default);
        Assert.Equal(2, model.SegmentCount);
        Assert.Equal([0, 2, 1], Ranked(model, train, "a"));
        // Old: i1 and i2 tie at 2 within the segment; i2 is globally more popular.
        Assert.Equal([2, 1, 0], Ranked(model, train, "c"));
        // Unknown age, a segment without training data, and an anonymous query: global (i0 and i1 tie, lower index first).
        Assert.Equal([2, 0, 1], Ranked(model, train, "d"));
        Assert.Equal([2, 0, 1], Ranked(model, train, "f"));
        Assert.Equal([2, 0, 1], Ranked(model, train, ""));
    }

    [Fact]
    public void A_missing_field_means_global_popularity_for_everyone()
    {
        var train = WithAges();
        var model = new SegmentPopularity(new SegmentPopularityOptions { Field = "occupation" });
        model.Fit(train, FitContext.Default);
        Assert.Equal(0, model.SegmentCount);
        Assert.Equal([2, 0, 1], Ranked(model, train, "a"));
    }
}
