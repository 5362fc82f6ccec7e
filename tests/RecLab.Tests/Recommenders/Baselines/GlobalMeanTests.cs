using RecLab.Recommenders.Baselines;
using RecLab.Tests.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Baselines;

public sealed class GlobalMeanTests : RecommenderContract<GlobalMean>
{
    protected override GlobalMean Create() => new();

    protected override bool Personalized => false;

    [Fact]
    public void Predicts_the_training_mean_for_every_pair()
    {
        // (4 + 2 + 5 + 3 + 3 + 1 + 4) / 7 = 22/7.
        var model = TinyRatings.Fitted(new GlobalMean(), TinyRatings.ThreeByThree());
        Assert.Equal(22f / 7, model.Predict(0, 2), 5);
        Assert.Equal(22f / 7, model.Predict(-1, 1), 5);
    }
}
