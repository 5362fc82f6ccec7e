using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
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

        // Deepening: the first step comes from the list kept behind the prepared one, the next is scored again; both as on demand.
        foreach (var depth in new[] { 51, 200, 201, 5000 })
            foreach (var u in users)
            {
                var a = prepared.Candidates(u, depth);
                var b = onDemand.Candidates(u, depth);
                Assert.Equal(b.Items, a.Items);
                Assert.Equal(b.Scores, a.Scores);
                Assert.Equal(b.Complete, a.Complete);
                Assert.Equal(b.SponsoredOrder, a.SponsoredOrder);
            }
    }

    [Fact]
    public void A_popularity_ranking_cut_from_one_order_is_the_users_top_n()
    {
        var world = Worlds.Tiny;
        var campaign = new SponsoredSlots { Items = [1000, 3, 300, 30, 7] };
        var training = world.Implicit();
        var popular = new MostPopular();
        var policy = Policy.Fit(world, popular, training, new FitContext { Seed = 5 }, new SlateOptions { CandidateDepth = 20 }, campaign);
        var n = world.Items.Count;
        var scores = new float[n];
        // Counts tie often on a small world: the order among equals (lower index first) is what this checks.
        Assert.True(popular.Popularity.ToArray().Distinct().Count() < n / 2);

        foreach (var depth in new[] { 20, 80, n })
            for (var u = 0; u < world.Users.Count; u++)
            {
                var query = UserQuery.ForUser(training, u);
                var expected = popular.Recommend(query, depth);
                var list = policy.Candidates(u, depth);
                Assert.Equal(expected.Select(e => e.Item), list.Items);
                Assert.Equal(expected.Select(e => e.Score), list.Scores);
                Assert.Equal(expected.Length < depth || depth == n, list.Complete);

                popular.Score(query, scores);
                Ranking.Mask(scores, query.History.Span);
                var sponsored = campaign.Items.Select((item, k) => (item, k))
                    .OrderBy(x => float.IsNaN(scores[x.item]) ? float.PositiveInfinity : -scores[x.item]).ThenBy(x => x.k).Select(x => x.item);
                Assert.Equal(sponsored, list.SponsoredOrder);
            }
    }
}
