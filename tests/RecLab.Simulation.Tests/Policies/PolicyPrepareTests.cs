using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Tests.Policies;

public sealed class PolicyPrepareTests
{
    [Fact]
    public void Rankings_prepared_in_blocks_are_the_ones_computed_on_demand()
    {
        var world = Worlds.Tiny;
        var campaign = new SponsoredSlots { Items = [3, 30, 300, 1000] };
        var als = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Iterations = 3 });
        var prepared = Policy.Fit(world, als, world.Implicit(), new FitContext { Seed = 5 }, new SlateOptions { CandidateDepth = 50 }, campaign);
        var onDemand = prepared.With();
        // Every user, a count that is not a multiple of the block, users with and without a training history.
        var users = Enumerable.Range(0, world.Users.Count).ToList();

        prepared.Prepare(users, new ParallelOptions { MaxDegreeOfParallelism = 2 });

        var history = world.Implicit().ByUser;
        Assert.All(users, u => Assert.Equal(history.RowLength(u) > 0, prepared.IsRanked(u)));
        Assert.Contains(users, u => history.RowLength(u) == 0);

        foreach (var u in users)
        {
            var a = prepared.Candidates(u, 50);
            var b = onDemand.Candidates(u, 50);
            Assert.Equal(b.Items, a.Items);
            Assert.Equal(b.Scores, a.Scores);
            Assert.Equal(b.Complete, a.Complete);
            Assert.Equal(b.SponsoredOrder, a.SponsoredOrder);
        }
    }
}
