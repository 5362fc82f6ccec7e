using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        // Diversity re-ranking reads the scores, so the lists keep them and they are compared too.
        var slate = new SlateOptions { CandidateDepth = 50, DiversityLambda = 0.5 };
        var prepared = Policy.Fit(world, als, world.Implicit(), new FitContext { Seed = 5 }, slate, campaign);
        var onDemand = prepared.With();
        // Every user, a count that is not a multiple of the block, users with and without a training history.
        var users = Enumerable.Range(0, world.Users.Count).ToList();

        prepared.Prepare(users, new ParallelOptions { MaxDegreeOfParallelism = 2 });

        var history = world.Implicit().ByUser;
        Assert.All(users, u => Assert.Equal(history.RowLength(u) > 0, prepared.IsRanked(u)));
        Assert.Contains(users, u => history.RowLength(u) == 0);

        foreach (var u in users)
            AssertSame(onDemand.Candidates(u, 50), prepared.Candidates(u, 50));
        Assert.Contains(users, u => prepared.Candidates(u, 50).Scores.Length == 50);

        // Deepening: the first step comes from the list kept behind the prepared one, the next is scored again; both as on demand.
        foreach (var depth in new[] { 51, 200, 201, 5000 })
            foreach (var u in users)
                AssertSame(onDemand.Candidates(u, depth), prepared.Candidates(u, depth));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rankings_deepened_ahead_in_blocks_are_the_ones_deepened_one_user_at_a_time(bool campaign)
    {
        // With a campaign the model scores blocks (IBlockScorer); without, it ranks them by item norm (IBlockRanker).
        var world = Worlds.Tiny;
        var als = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Iterations = 3 });
        var slate = new SlateOptions { CandidateDepth = 20, DiversityLambda = 0.5 };
        var ahead = Policy.Fit(world, als, world.Implicit(), new FitContext { Seed = 5 }, slate,
            campaign ? new SponsoredSlots { Items = [3, 30, 300] } : null);
        var onDemand = ahead.With();
        var users = Enumerable.Range(0, world.Users.Count).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var known = users.Where(u => world.Implicit().ByUser.RowLength(u) > 0).ToList();
        ahead.Prepare(users, parallel);
        Assert.All(known, u => Assert.Equal(80, ahead.Runway(u)));

        // Two steps ahead of the prepared list and its reserve (80 -> 320 -> 1280 candidates), the cached list unchanged.
        ahead.Deepen(users, parallel);
        Assert.All(known, u => Assert.Equal(20, ahead.Candidates(u, 20).Count));
        Assert.All(known, u => Assert.Equal(320, ahead.Runway(u)));
        ahead.Deepen(users, parallel);
        Assert.All(known, u => Assert.Equal(Math.Min(1280, ahead.Runway(u)), ahead.Runway(u)));
        Assert.Contains(known, u => ahead.Runway(u) == 1280);

        // Users never ranked are left to be ranked on demand.
        Assert.All(users.Except(known), u => Assert.Equal(int.MaxValue, ahead.Runway(u)));

        // Every step a user deepening on demand takes (each four times the last) gives the same list either way.
        foreach (var depth in new[] { 20, 80, 320, 1280, 5120, world.Items.Count })
            foreach (var u in users)
                AssertSame(onDemand.Candidates(u, depth), ahead.Candidates(u, depth));
    }

    [Fact]
    public void A_few_users_deepened_on_any_thread_count_get_the_lists_one_user_at_a_time_gets()
    {
        // Fewer users than a block: they are split across the threads, one or two users a block.
        var world = Worlds.Tiny;
        var als = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Iterations = 3 });
        var slate = new SlateOptions { CandidateDepth = 20 };
        var fitted = Policy.Fit(world, als, world.Implicit(), new FitContext { Seed = 5 }, slate);
        var users = Enumerable.Range(0, world.Users.Count).Where(u => world.Implicit().ByUser.RowLength(u) > 0).Take(5).ToList();
        foreach (var threads in new[] { 1, 2, 3, 8 })
        {
            // A policy caches what it has ranked, and a deeper list answers a shallower request: each side starts afresh.
            var (onDemand, ahead) = (fitted.With(), fitted.With());
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
            ahead.Prepare(users, parallel);
            ahead.Deepen(users, parallel);
            Assert.All(users, u => Assert.Equal(320, ahead.Runway(u)));
            foreach (var depth in new[] { 20, 80, 320 })
                foreach (var u in users)
                    AssertSame(onDemand.Candidates(u, depth), ahead.Candidates(u, depth));
        }
    }

    [Fact]
    public void Blocks_cover_every_user_once_at_most_sixteen_each_and_give_every_thread_one_while_users_last()
    {
        for (var threads = 1; threads <= 8; threads++)
            for (var users = 0; users <= 200; users++)
            {
                var blocks = Policy.BlockCount(users, new ParallelOptions { MaxDegreeOfParallelism = threads });
                Assert.Equal(Math.Max((users + 15) / 16, Math.Min(users, threads)), blocks);
                if (blocks == 0)
                    continue;
                Assert.Equal(0, Policy.BlockStart(0, users, blocks));
                Assert.Equal(users, Policy.BlockStart(blocks, users, blocks));
                var sizes = Enumerable.Range(0, blocks).Select(b => Policy.BlockStart(b + 1, users, blocks) - Policy.BlockStart(b, users, blocks)).ToArray();
                Assert.All(sizes, size => Assert.InRange(size, 1, 16));
                Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
            }
    }

    [Fact]
    public void A_prepared_list_and_the_reserve_behind_it_share_one_array()
    {
        var (policy, user) = AlsWithDepth20();
        policy.Prepare([user], new ParallelOptions { MaxDegreeOfParallelism = 1 });

        var first = policy.Candidates(user, 20);
        var deeper = policy.Candidates(user, 80);

        Assert.Equal(20, first.Count);
        Assert.Equal(80, deeper.Count);
        // The reserve is the memory: the 20 listed first are its first 20, not a copy of them.
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first.Items), ref MemoryMarshal.GetReference(deeper.Items)));
    }

    [Fact]
    public void Without_diversity_re_ranking_lists_keep_no_scores()
    {
        var (policy, user) = AlsWithDepth20();

        var list = policy.Candidates(user, 20);

        Assert.Equal(20, list.Count);
        Assert.Equal(0, list.Scores.Length);
        Assert.Equal(policy.With(new SlateOptions { CandidateDepth = 20, DiversityLambda = 0.5 }).Candidates(user, 20).Items.ToArray(), list.Items.ToArray());
    }

    /// <summary>A small ALS model's policy at 20 candidates, and its first user with a training history.</summary>
    private static (Policy Policy, int User) AlsWithDepth20()
    {
        var world = Worlds.Tiny;
        var als = new ImplicitAls(new ImplicitAlsOptions { Factors = 16, Iterations = 3 });
        var policy = Policy.Fit(world, als, world.Implicit(), new FitContext { Seed = 5 }, new SlateOptions { CandidateDepth = 20 });
        return (policy, Enumerable.Range(0, world.Users.Count).First(u => world.Implicit().ByUser.RowLength(u) > 0));
    }

    private static void AssertSame(CandidateList expected, CandidateList actual)
    {
        Assert.Equal(expected.Items.ToArray(), actual.Items.ToArray());
        Assert.Equal(expected.Scores.ToArray(), actual.Scores.ToArray());
        Assert.Equal(expected.Complete, actual.Complete);
        Assert.Equal(expected.SponsoredOrder, actual.SponsoredOrder);
    }

    [Fact]
    public void A_popularity_ranking_cut_from_one_order_is_the_users_top_n()
    {
        var world = Worlds.Tiny;
        var campaign = new SponsoredSlots { Items = [1000, 3, 300, 30, 7] };
        var training = world.Implicit();
        var popular = new MostPopular();
        var policy = Policy.Fit(world, popular, training, new FitContext { Seed = 5 }, new SlateOptions { CandidateDepth = 20, DiversityLambda = 0.5 }, campaign);
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
                Assert.Equal(expected.Select(e => e.Item), list.Items.ToArray());
                Assert.Equal(expected.Select(e => e.Score), list.Scores.ToArray());
                Assert.Equal(expected.Length < depth || depth == n, list.Complete);

                popular.Score(query, scores);
                Ranking.Mask(scores, query.History.Span);
                var sponsored = campaign.Items.Select((item, k) => (item, k))
                    .OrderBy(x => float.IsNaN(scores[x.item]) ? float.PositiveInfinity : -scores[x.item]).ThenBy(x => x.k).Select(x => x.item);
                Assert.Equal(sponsored, list.SponsoredOrder);
            }
    }
}
