using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Tests.Recommenders.Baselines;

public sealed class MostPopularTests : RecommenderContract<MostPopular>
{
    protected override MostPopular Create() => new();

    protected override bool Personalized => false;

    private static TrainingSet Small()
    {
        // Item 2 rated by 3 users, item 0 by 2, item 1 by 1.
        var b = new InteractionDataBuilder();
        b.Add("a", "i0", 5); b.Add("b", "i0", 1);
        b.Add("a", "i1", 4);
        b.Add("a", "i2", 2); b.Add("b", "i2", 2); b.Add("c", "i2", 2);
        return new TrainingSet(b.Build(FeedbackKind.Explicit, RatingScale.OneToFive));
    }

    [Fact]
    public void Ranks_by_count_with_ties_to_the_lower_index()
    {
        var train = Small();
        var model = new MostPopular();
        model.Fit(train, FitContext.Default);
        var list = model.Recommend(new UserQuery(-1, default, default), 3);
        Assert.Equal([2, 0, 1], list.Select(r => r.Item));
        Assert.Equal([3f, 2f, 1f], list.Select(r => r.Score));
    }

    [Fact]
    public void Damped_mean_shrinks_rarely_rated_items_towards_the_global_mean()
    {
        var train = Small();
        var model = new MostPopular(new MostPopularOptions { Measure = PopularityMeasure.DampedMean, Damping = 2 });
        model.Fit(train, FitContext.Default);
        // mu = 16/6; i0: (6 + 2mu)/4, i1: (4 + 2mu)/3, i2: (6 + 2mu)/5.
        var mu = 16f / 6;
        Assert.Equal((6 + 2 * mu) / 4, model.Popularity[0], 5);
        Assert.Equal((4 + 2 * mu) / 3, model.Popularity[1], 5);
        Assert.Equal((6 + 2 * mu) / 5, model.Popularity[2], 5);
        Assert.Equal([1, 0, 2], model.Recommend(new UserQuery(-1, default, default), 3).Select(r => r.Item));
    }
}
