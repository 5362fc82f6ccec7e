using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Data.Synthetic;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>Ranking by norm-ordered pruning gives, bit for bit, the lists that selecting over every block score gives.</summary>
public sealed class BlockRankerTests
{
    private static readonly Lazy<World> OddWorld = new(() => World.Generate(WorldOptions.Tiny with { Users = 300, Items = 2_003 }));

    public static TheoryData<int, int> Cases() => new()
    {
        // 2,003 items: the last three are scored through the product's tail, as in the full scan.
        { 1, 2_003 }, { 10, 2_003 }, { 200, 2_003 }, { 2_003, 2_003 }, { 1, 2_000 }, { 50, 2_000 }, { 2_000, 2_000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pruned_lists_equal_the_full_selection(int depth, int items)
    {
        var world = items == 2_003 ? OddWorld.Value : SyntheticWorlds.Tiny;
        var data = world.Implicit();
        var model = new ImplicitAls(new ImplicitAlsOptions { Factors = 20, Iterations = 3 });
        model.Fit(new TrainingSet(data, world.ItemFeatures, world.UserFeatures), new FitContext { Seed = 3 });
        var users = Enumerable.Range(0, data.UserCount).Where(u => data.ByUser.RowLength(u) > 0).Take(21).ToArray();
        var n = data.ItemCount;
        Assert.Equal(items, n);

        // Exclusions: each user's history, plus every seventh item for odd users (a longer list than any history).
        var starts = new int[users.Length + 1];
        var excluded = new List<int>();
        for (var k = 0; k < users.Length; k++)
        {
            var history = UserQuery.ForUser(data, users[k]).History.ToArray();
            var extra = k % 2 == 1 ? Enumerable.Range(0, n).Where(i => i % 7 == 0) : [];
            excluded.AddRange(history.Concat(extra).Distinct().Order());
            starts[k + 1] = excluded.Count;
        }
        var rankedItems = new int[users.Length * depth];
        var rankedScores = new float[rankedItems.Length];
        var counts = new int[users.Length];
        Assert.True(model.TryRankUsers(users, starts, excluded.ToArray(), rankedItems, rankedScores, counts));

        var block = new float[users.Length * n];
        Assert.True(model.TryScoreUsers(users, block));
        var topItems = new int[depth];
        var topScores = new float[depth];
        for (var k = 0; k < users.Length; k++)
        {
            var count = Ranking.TopInto(block.AsSpan(k * n, n), excluded.ToArray().AsSpan(starts[k]..starts[k + 1]), topItems, topScores);
            Assert.Equal(count, counts[k]);
            Assert.Equal(topItems[..count], rankedItems.AsSpan(k * depth, count).ToArray());
            Assert.Equal(topScores[..count].Select(BitConverter.SingleToInt32Bits), rankedScores.AsSpan(k * depth, count).ToArray().Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void A_block_with_a_user_it_never_learned_is_refused()
    {
        var world = SyntheticWorlds.Tiny;
        var model = new ImplicitAls(new ImplicitAlsOptions { Factors = 8, Iterations = 2 });
        model.Fit(new TrainingSet(world.Implicit(), world.ItemFeatures, world.UserFeatures), new FitContext { Seed = 3 });
        var counts = new int[2];
        Assert.False(model.TryRankUsers([0, world.Users.Count + 5], [0, 0, 0], [], new int[20], new float[20], counts));
        Assert.Equal([0, 0], counts);
    }
}
