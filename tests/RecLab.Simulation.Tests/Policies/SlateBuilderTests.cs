using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Tests.Policies;

public sealed class SlateBuilderTests
{
    private const int User = 7;

    private static Policy Make(SlateOptions slate, SponsoredSlots? sponsored = null)
    {
        var world = Worlds.Tiny;
        return Simulation.Policies.Policy.Fit(world, new FixedOrder(), world.Implicit(), FitContext.Default, slate, sponsored);
    }

    /// <summary>Item indices in ranking order (ascending) without the user's training history.</summary>
    private static List<int> Unseen(Policy policy)
    {
        var history = policy.Training.ByUser.RowIndices(User).ToArray();
        return [.. Enumerable.Range(0, policy.World.Items.Count).Where(i => Array.BinarySearch(history, i) < 0)];
    }

    private static (int[] Items, bool[] Sponsored) Build(Policy policy, Viewer viewer, DayCounters today, int size, ulong seed = 1)
    {
        var slate = new int[size];
        var sponsored = new bool[size];
        var rng = new Rng(seed);
        var n = SlateBuilder.Build(policy, User, viewer, today, ref rng, slate, sponsored);
        return (slate[..n], sponsored[..n]);
    }

    private static void MarkShown(Viewer viewer, IEnumerable<int> items)
    {
        foreach (var item in items)
            viewer.Seen.Add(item);
    }

    [Fact]
    public void A_slate_is_the_ranking_without_history_and_the_next_slate_continues_it()
    {
        var policy = Make(new SlateOptions { Size = 5 });
        var viewer = new Viewer();
        var today = new DayCounters(policy.World.Creators.Count);
        var unseen = Unseen(policy);

        var first = Build(policy, viewer, today, 5);
        Assert.Equal(unseen.Take(5), first.Items);
        Assert.All(first.Sponsored, Assert.False);
        // The day simulator marks shown items seen: the next session starts where this one ended.
        MarkShown(viewer, first.Items);
        Assert.Equal(unseen.Skip(5).Take(5), Build(policy, viewer, today, 5).Items);
    }

    [Fact]
    public void The_creator_cap_skips_items_of_creators_already_shown_that_day_until_the_day_resets()
    {
        var policy = Make(new SlateOptions { Size = 8, CreatorCapPerDay = 1 });
        var items = policy.World.Items;
        var viewer = new Viewer();
        var today = new DayCounters(policy.World.Creators.Count);
        var expected = new List<int>();
        var used = new HashSet<int>();
        foreach (var item in Unseen(policy))
            if (expected.Count < 8 && used.Add(items.Creator(item)))
                expected.Add(item);

        var slate = Build(policy, viewer, today, 8).Items;
        Assert.Equal(expected, slate);
        Assert.Equal(8, slate.Select(items.Creator).Distinct().Count());

        // Same day: none of those creators may appear again.
        var again = Build(policy, viewer, today, 8).Items;
        Assert.DoesNotContain(again, i => used.Contains(items.Creator(i)));
        // A new day: the cap starts over, so the best items (never marked shown here) come back.
        today.Reset();
        Assert.Equal(expected, Build(policy, new Viewer(), today, 8).Items);
    }

    [Fact]
    public void A_sponsored_slot_shows_the_best_ranked_campaign_item_once_a_day()
    {
        var unseen = Unseen(Make(new SlateOptions()));
        // Campaign items listed worst first: the slot must still show the one the model ranks higher.
        int[] campaign = [unseen[40], unseen[30]];
        var policy = Make(new SlateOptions { Size = 4 }, new SponsoredSlots { Items = campaign, Positions = [1], MaxPerUserPerDay = 1 });
        var viewer = new Viewer();
        var today = new DayCounters(policy.World.Creators.Count);

        var (items, sponsored) = Build(policy, viewer, today, 4);
        Assert.Equal([unseen[0], unseen[30], unseen[1], unseen[2]], items);
        Assert.Equal([false, true, false, false], sponsored);
        Assert.Equal(1, today.Sponsored);

        MarkShown(viewer, items);
        var (next, nextSponsored) = Build(policy, viewer, today, 4);
        Assert.All(nextSponsored, Assert.False);
        Assert.Equal(unseen.Skip(3).Where(i => i != unseen[30]).Take(4), next);
    }

    [Fact]
    public void Mmr_with_lambda_zero_on_creators_never_repeats_a_creator_while_the_pool_offers_another()
    {
        var slate = new SlateOptions { Size = 6, DiversityLambda = 0, DiversityFields = ["creator"], DiversityPool = 30 };
        var policy = Make(slate);
        var items = policy.World.Items;
        var unseen = Unseen(policy);
        // By hand: similarity on the creator field alone is 1 for the same creator and 0 otherwise, so with λ = 0 each
        // slot takes the best-ranked item of the pool (the next 30 eligible) whose creator is not in the slate yet.
        var expected = new List<int>();
        var used = new HashSet<int>();
        while (expected.Count < 6)
        {
            var pool = unseen.Where(i => !expected.Contains(i)).Take(30).ToList();
            var pick = pool.FirstOrDefault(i => !used.Contains(items.Creator(i)), pool[0]);
            expected.Add(pick);
            used.Add(items.Creator(pick));
        }

        var built = Build(policy, new Viewer(), new DayCounters(policy.World.Creators.Count), 6).Items;
        Assert.Equal(expected, built);
        Assert.Equal(6, built.Select(items.Creator).Distinct().Count());
    }

    [Fact]
    public void Mmr_with_lambda_one_is_the_plain_ranking()
    {
        var policy = Make(new SlateOptions { Size = 6, DiversityLambda = 1 });
        Assert.Equal(Unseen(policy).Take(6), Build(policy, new Viewer(), new DayCounters(policy.World.Creators.Count), 6).Items);
    }

    [Fact]
    public void Full_exploration_shows_unseen_items_off_the_ranking_and_depends_only_on_the_seed()
    {
        var policy = Make(new SlateOptions { Size = 10, Epsilon = 1 });
        var history = policy.Training.ByUser.RowIndices(User).ToArray();
        var a = Build(policy, new Viewer(), new DayCounters(policy.World.Creators.Count), 10, seed: 5).Items;
        var b = Build(policy, new Viewer(), new DayCounters(policy.World.Creators.Count), 10, seed: 5).Items;

        Assert.Equal(a, b);
        Assert.Equal(10, a.Distinct().Count());
        Assert.All(a, i => Assert.True(Array.BinarySearch(history, i) < 0));
        // Ten uniform draws from 2,000 items all landing in the top 10 of the ranking would be a broken explorer.
        Assert.NotEqual(Unseen(policy).Take(10), a);
    }
}
