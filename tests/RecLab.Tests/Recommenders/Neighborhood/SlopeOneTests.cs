using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class SlopeOneTests : RecommenderContract<SlopeOne>
{
    protected override SlopeOne Create() => new();

    // On the checkerboard every deviation between a liked and a disliked item is +4 for one group and -4 for the
    // other, so the mean deviations cancel and every prediction is about the user's mean: Slope One (Surprise's too)
    // cannot separate the held-out items there. Its ranking is checked on a known answer below instead.
    protected override bool Personalized => false;

    [Fact]
    public void Ranks_the_item_that_co_raters_rate_higher_first()
    {
        // u0 and u1 rate i0 = 2 and i1 = 4, i2 = 1; u2 rated only i0 = 3.
        // dev(i1, i0) = 2, dev(i2, i0) = -1 -> for u2: i1 = 3 + 2 = 5, i2 = 3 - 1 = 2.
        var train = TinyRatings.Build([(0, 0, 2), (0, 1, 4), (0, 2, 1), (1, 0, 2), (1, 1, 4), (1, 2, 1), (2, 0, 3)]);
        var m = TinyRatings.Fitted(new SlopeOne(), train);
        Assert.Equal(5f, m.Predict(2, 1), 5);
        Assert.Equal(2f, m.Predict(2, 2), 5);
        Assert.Equal([1, 2], m.Recommend(UserQuery.ForUser(train.Interactions, 2), 2).Select(r => r.Item));
    }

    [Fact]
    public void Deviations_are_mean_differences_over_common_users_and_antisymmetric()
    {
        // dev(i2, i0) over u1, u2: ((3 - 5) + (4 - 3)) / 2 = -0.5; dev(i2, i1) over u2: 4 - 1 = 3.
        var m = TinyRatings.Fitted(new SlopeOne(), TinyRatings.ThreeByThree());
        Assert.Equal(-0.5f, m.Deviation(2, 0), 6);
        Assert.Equal(0.5f, m.Deviation(0, 2), 6);
        Assert.Equal(3f, m.Deviation(2, 1), 6);
    }

    [Fact]
    public void Prediction_is_the_user_mean_plus_the_mean_deviation()
    {
        // (u0, i2): mu_u0 = 3; R = {i0, i1} -> 3 + (-0.5 + 3) / 2 = 4.25.
        var m = TinyRatings.Fitted(new SlopeOne(), TinyRatings.ThreeByThree());
        Assert.Equal(4.25f, m.Predict(0, 2), 5);
        // Unknown user: the global mean.
        Assert.Equal(22f / 7, m.Predict(-1, 2), 5);
    }

    [Fact]
    public void Weighted_prediction_weights_each_item_by_its_support()
    {
        // (u0, i2): ((dev(i2,i0) + 4) * 2 + (dev(i2,i1) + 2) * 1) / 3 = (3.5 * 2 + 5) / 3 = 4.
        var m = TinyRatings.Fitted(new SlopeOne(new SlopeOneOptions { Weighted = true }), TinyRatings.ThreeByThree());
        Assert.Equal(4f, m.Predict(0, 2), 5);
    }

    [Fact]
    public void Items_without_common_users_are_not_relevant()
    {
        // u0 rated i0 (5) and i3 (1); i1 was rated together with i0 only (by u1: i0 4, i1 2) -> dev(i1, i0) = -2.
        // R_i1(u0) = {i0}: mu_u0 + dev(i1, i0) = 3 - 2 = 1.
        var train = TinyRatings.Build([(0, 0, 5), (0, 3, 1), (1, 0, 4), (1, 1, 2)]);
        var m = TinyRatings.Fitted(new SlopeOne(), train);
        Assert.True(float.IsNaN(m.Deviation(1, 3)));
        Assert.Equal(1f, m.Predict(0, 1), 5);
    }
}
