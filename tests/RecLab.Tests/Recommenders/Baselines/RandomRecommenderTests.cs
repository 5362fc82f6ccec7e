using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Baselines;

public sealed class RandomRecommenderTests : RecommenderContract<RandomRecommender>
{
    protected override RandomRecommender Create() => new(new RandomOptions());

    protected override bool Personalized => false;

    [Fact]
    public void Different_seeds_and_users_get_different_lists()
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var a = new RandomRecommender(new RandomOptions());
        var b = new RandomRecommender(new RandomOptions());
        a.Fit(train, new FitContext { Seed = 1 });
        b.Fit(train, new FitContext { Seed = 2 });
        var query = UserQuery.ForUser(train.Interactions, 0);
        Assert.NotEqual(a.Recommend(query, 10).Select(r => r.Item), b.Recommend(query, 10).Select(r => r.Item));
        Assert.NotEqual(a.Recommend(query, 10).Select(r => r.Item),
            a.Recommend(UserQuery.ForUser(train.Interactions, 2), 10).Select(r => r.Item));
    }
}
