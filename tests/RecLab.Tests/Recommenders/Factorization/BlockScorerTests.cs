using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Data.Synthetic;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>Every factor model that scores users in blocks gives, bit for bit, what it gives one user at a time.</summary>
public sealed class BlockScorerTests
{
    public static TheoryData<string> Models() => ["implicit-als:factors=20,iterations=3", "bpr:factors=20,epochs=3", "als:factors=20,iterations=3", "biased-mf:factors=20,epochs=3"];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_block_scores_every_user_as_one_by_one(string spec)
    {
        var world = SyntheticWorlds.Tiny;
        var model = RecommenderRegistry.Default.Parse(spec);
        var data = model.Accepts.HasFlag(FeedbackKinds.Explicit) && !model.Accepts.HasFlag(FeedbackKinds.Implicit) ? world.Ratings() : world.Implicit();
        model.Fit(new TrainingSet(data, world.ItemFeatures, world.UserFeatures), new FitContext { Seed = 3 });
        var scorer = Assert.IsAssignableFrom<IBlockScorer>(model);
        // 21 users, not a multiple of anything: the tiles and the four-row groups must not change a sum.
        var users = Enumerable.Range(0, data.UserCount).Where(u => data.ByUser.RowLength(u) > 0).Take(21).ToArray();
        var n = data.ItemCount;

        var block = new float[users.Length * n];
        Assert.True(scorer.TryScoreUsers(users, block));
        var one = new float[n];
        for (var k = 0; k < users.Length; k++)
        {
            model.Score(UserQuery.ForUser(data, users[k]), one);
            Assert.Equal(one, block.AsSpan(k * n, n).ToArray());
        }
    }

    [Fact]
    public void A_block_with_a_user_it_never_learned_is_refused()
    {
        var world = SyntheticWorlds.Tiny;
        var model = new ImplicitAls(new ImplicitAlsOptions { Factors = 8, Iterations = 2 });
        model.Fit(new TrainingSet(world.Implicit(), world.ItemFeatures, world.UserFeatures), new FitContext { Seed = 3 });
        var block = new float[2 * world.Items.Count];
        Assert.False(model.TryScoreUsers([0, world.Users.Count + 5], block));
        Assert.All(block, s => Assert.Equal(0f, s));
    }
}
