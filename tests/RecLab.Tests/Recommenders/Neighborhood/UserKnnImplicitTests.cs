using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class UserKnnImplicitTests : RecommenderContract<UserKnnImplicit>
{
    protected override UserKnnImplicit Create() => new(new UserKnnImplicitOptions { Neighbors = 10 });

    // u0: i0 i1; u1: i0 i1 i2; u2: i2 i3.
    private static TrainingSet Small() => TinyRatings.Implicit([(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3)]);

    [Fact]
    public void Known_user_is_scored_by_its_cosine_neighbours()
    {
        // cos(u0, u1) = 2 / (sqrt 2 sqrt 3) = 0.816497; cos(u0, u2) = 0, so u2 is no neighbour and u0 is not its own.
        // Scores: i0, i1, i2 += 0.816497 from u1; i3 = 0.
        var train = Small();
        var m = TinyRatings.Fitted(new UserKnnImplicit(), train);
        var scores = new float[4];
        m.Score(UserQuery.ForUser(train.Interactions, 0), scores);
        Assert.Equal(0.816497f, scores[2], 5);
        Assert.Equal(0f, scores[3]);
    }

    [Fact]
    public void Onboarding_history_is_compared_with_every_user_without_refitting()
    {
        // History {i2}: cos with u1 = 1 / sqrt 3 = 0.577350, with u2 = 1 / sqrt 2 = 0.707107.
        // i3 <- u2: 0.707107; i0, i1 <- u1: 0.577350.
        var m = TinyRatings.Fitted(new UserKnnImplicit(), Small());
        var scores = new float[4];
        m.Score(UserQuery.Anonymous([2]), scores);
        Assert.Equal(0.577350f, scores[0], 5);
        Assert.Equal(0.707107f, scores[3], 5);
        Assert.Equal([3, 0], m.Recommend(UserQuery.Anonymous([2]), 2).Select(r => r.Item));
    }

    [Fact]
    public void Neighbors_limits_the_users_that_vote()
    {
        // k = 1 for history {i2}: only u2 (0.707107) votes, so i0 gets nothing.
        var m = TinyRatings.Fitted(new UserKnnImplicit(new UserKnnImplicitOptions { Neighbors = 1 }), Small());
        var scores = new float[4];
        m.Score(UserQuery.Anonymous([2]), scores);
        Assert.Equal(0f, scores[0]);
        Assert.Equal(0.707107f, scores[3], 5);
    }
}
