using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Randomness;

namespace RecLab.Tests.Data.Synthetic;

public sealed class WorldGenerationTests
{
    private static World Tiny => SyntheticWorlds.Tiny;

    [Fact]
    public void Same_seed_gives_byte_identical_worlds_whatever_the_thread_count()
    {
        var options = WorldOptions.Tiny with { Users = 700 };
        var one = SyntheticWorlds.Hash(SyntheticWorlds.Generate(options, maxThreads: 1));
        var four = SyntheticWorlds.Hash(SyntheticWorlds.Generate(options, maxThreads: 4));
        var all = SyntheticWorlds.Hash(SyntheticWorlds.Generate(options));
        Assert.Equal(one, four);
        Assert.Equal(one, all);
    }

    [Fact]
    public void Different_seeds_give_different_worlds()
    {
        var a = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 200, Seed = 1 });
        var b = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 200, Seed = 2 });
        Assert.NotEqual(SyntheticWorlds.Hash(a), SyntheticWorlds.Hash(b));
        Assert.NotEqual(a.Log.Totals.Clicks, b.Log.Totals.Clicks);
    }

    [Fact]
    public void Entities_have_the_requested_sizes_and_valid_references()
    {
        var w = Tiny;
        Assert.Equal((500, 80, 2_000), (w.Users.Count, w.Creators.Count, w.Items.Count));
        Assert.Equal(20 + w.Options.LatentFactors, w.Dimensions);
        for (var u = 0; u < w.Users.Count; u++)
        {
            var theta = w.Users.Interests(u);
            Assert.Equal(1f, theta.ToArray().Sum(), 3);
            Assert.InRange(w.Users.Attention(u), 1, 200);
        }
        var seen = new bool[w.Items.Count];
        for (var c = 0; c < w.Creators.Count; c++)
        {
            var topics = w.Creators.Topics(c);
            Assert.InRange(topics.Length, 1, 3);
            Assert.Equal(1f, w.Creators.TopicWeights(c).ToArray().Sum(), 4);
            Assert.True(w.Creators.Fame(c) >= 1);
            var items = w.Creators.ItemsOf(c);
            for (var k = 0; k < items.Length; k++)
            {
                Assert.Equal(c, w.Items.Creator(items[k]));
                Assert.True(k == 0 || items[k] > items[k - 1]);
                seen[items[k]] = true;
            }
        }
        Assert.All(seen, Assert.True);
        for (var i = 0; i < w.Items.Count; i++)
        {
            Assert.True(i == 0 || w.Items.PublishSecond(i) >= w.Items.PublishSecond(i - 1), "items are in publication order");
            Assert.Contains((byte)w.Items.PrimaryTopic(i), w.Creators.Topics(w.Items.Creator(i)).ToArray());
            Assert.Equal(w.Items.Kind(i) == ItemKind.Product, w.Items.Price(i) > 0);
            Assert.InRange(w.Items.TitleTokens(i).Length, 3, 7);
        }
    }

    [Fact]
    public void Follow_lists_are_sorted_without_repeats_and_counts_match()
    {
        var w = Tiny;
        var followers = new int[w.Creators.Count];
        for (var u = 0; u < w.Users.Count; u++)
        {
            var row = w.Follows.CreatorsFollowedBy(u);
            for (var k = 1; k < row.Length; k++)
                Assert.True(row[k] > row[k - 1]);
            foreach (var c in row)
                followers[c]++;
        }
        for (var c = 0; c < followers.Length; c++)
            Assert.Equal(followers[c], w.Creators.Followers(c));
        // Preferential attachment over a Pareto prior: on small, the most followed creator has over 5 times the median.
        var small = SyntheticWorlds.Small;
        var sorted = Enumerable.Range(0, small.Creators.Count).Select(small.Creators.Followers).Order().ToArray();
        Assert.True(sorted[^1] > 5 * sorted[sorted.Length / 2], $"max {sorted[^1]}, median {sorted[sorted.Length / 2]}");
    }

    [Fact]
    public void Policy_probabilities_sum_to_one_and_match_the_logged_first_slot()
    {
        var w = Tiny;
        foreach (var (user, day) in new[] { (0, 0), (17, 5), (250, 29), (499, 12) })
        {
            var sum = 0.0;
            for (var i = 0; i < w.Items.Count; i++)
            {
                var p = w.Policy.Probability(user, day, i);
                Assert.True(p >= 0);
                Assert.True(i < w.Policy.Available(day) || p == 0, "unpublished items are never shown");
                sum += p;
            }
            Assert.Equal(1.0, sum, 9);
        }
        var impressions = w.Log.Impressions;
        var checkedSlots = 0;
        for (var r = 0; r < impressions.Count && checkedSlots < 200; r++)
        {
            if (impressions.Positions[r] != 0)
                continue;
            var expected = w.Policy.Probability(impressions.Users[r], impressions.Day(r), impressions.Items[r]);
            Assert.Equal(expected, impressions.Propensities[r], 5);
            checkedSlots++;
        }
        Assert.Equal(200, checkedSlots);
    }

    [Fact]
    public void Logged_propensities_are_the_sequential_probabilities_of_each_slate()
    {
        var w = Tiny;
        var log = w.Log.Impressions;
        var start = 0;
        var slates = 0;
        for (var r = 1; r <= log.Count && slates < 300; r++)
        {
            if (r < log.Count && log.Positions[r] != 0)
                continue;
            // Rows [start, r) are one slate.
            var slate = log.Items[start..r].ToArray();
            for (var k = 0; k < slate.Length; k++)
            {
                Assert.InRange(log.Propensities[start + k], 1e-9f, 1f);
                Assert.Equal(w.Policy.SlotPropensity(log.Users[start], log.Day(start), slate, k), log.Propensities[start + k], 5);
            }
            Assert.Equal(slate.Length, slate.Distinct().Count());
            start = r;
            slates++;
        }
    }

    [Fact]
    public void Sampled_slates_follow_the_policy_probabilities()
    {
        // Single-slot slates drawn many times: frequencies match π by chi-square on the most likely items.
        var w = Tiny;
        const int user = 42, day = 20, draws = 200_000;
        var rng = new Rng(99);
        var counts = new int[w.Items.Count];
        Span<int> slate = stackalloc int[1];
        Span<float> propensity = stackalloc float[1];
        for (var k = 0; k < draws; k++)
        {
            Assert.Equal(1, w.Policy.SampleSlate(user, day, ref rng, slate, propensity));
            counts[slate[0]]++;
        }
        var chi2 = 0.0;
        var cells = 0;
        for (var i = 0; i < w.Items.Count; i++)
        {
            var expected = draws * w.Policy.Probability(user, day, i);
            if (expected < 50)
                continue;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
            cells++;
        }
        Assert.True(cells > 20);
        // Mean cells - 1, standard deviation sqrt(2(cells - 1)): allow five standard deviations.
        Assert.True(chi2 < cells + 5 * Math.Sqrt(2.0 * cells), $"chi-square {chi2:0.0} over {cells} cells");
    }

    [Fact]
    public void Batched_slates_equal_the_slot_by_slot_draws_and_leave_the_stream_where_they_would()
    {
        // 60 items in all: long slates run out of what a day can show, so slots redraw duplicates and then give up.
        var w = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 60, Creators = 12, Items = 60, FollowsMedian = 3 });
        var rng = new Rng(17);
        int full = 0, short_ = 0;
        Span<int> lengths = [1, 4, 12, 45];
        var batched = new int[lengths[^1]];
        var plain = new int[lengths[^1]];
        var batchedPropensities = new float[lengths[^1]];
        var plainPropensities = new float[lengths[^1]];
        for (var user = 0; user < w.Users.Count; user += 5)
            for (var day = 0; day < w.Policy.Days; day += 2)
                foreach (var length in lengths)
                {
                    var a = rng;
                    var b = rng;
                    var n = w.Policy.SampleSlate(user, day, ref a, batched.AsSpan(0, length), batchedPropensities.AsSpan(0, length));
                    Assert.Equal(w.Policy.SampleSlateOneByOne(user, day, ref b, plain.AsSpan(0, length), plainPropensities.AsSpan(0, length)), n);
                    Assert.Equal(plain.AsSpan(0, n), batched.AsSpan(0, n));
                    for (var k = 0; k < n; k++)
                        Assert.Equal(BitConverter.SingleToInt32Bits(plainPropensities[k]), BitConverter.SingleToInt32Bits(batchedPropensities[k]));
                    Assert.Equal(b.NextUInt64(), a.NextUInt64());
                    if (n == length && length >= 12)
                        full++;
                    if (n < length)
                        short_++;
                    rng.NextUInt64();
                }
        Assert.True(full > 10 && short_ > 10, $"{full} long slates filled, {short_} cut short");
    }

    [Fact]
    public void Clicks_table_holds_exactly_the_engaged_impressions()
    {
        var w = Tiny;
        var clicks = w.Log.Clicks;
        var impressions = w.Log.Impressions;
        Assert.Equal(1.0, w.Options.ImpressionLogShare);
        Assert.Equal(w.Log.Totals.Impressions, impressions.Count);
        Assert.Equal(w.Log.Totals.Clicks, clicks.Count);
        var k = 0;
        for (var r = 0; r < impressions.Count; r++)
        {
            if (impressions.Outcomes[r] == Engagement.None)
            {
                Assert.Equal(0, impressions.Ratings[r]);
                continue;
            }
            Assert.Equal((impressions.Users[r], impressions.Items[r], impressions.Seconds[r], impressions.Outcomes[r], impressions.Ratings[r]),
                (clicks.Users[k], clicks.Items[k], clicks.Seconds[k], clicks.Outcomes[k], clicks.Ratings[k]));
            Assert.Equal(impressions.Propensities[r], clicks.Propensities[k]);
            k++;
        }
        Assert.Equal(clicks.Count, k);
        for (var r = 0; r < clicks.Count; r++)
        {
            var o = clicks.Outcomes[r];
            Assert.True((o & Engagement.Click) != 0);
            Assert.True((o & Engagement.Purchase) == 0 || w.Items.Kind(clicks.Items[r]) == ItemKind.Product);
            Assert.InRange(clicks.Ratings[r], 0, 5);
            Assert.True(clicks.Items[r] < w.Items.PublishedBefore(clicks.Day(r)), "an item is shown only after its publication day");
        }
    }

    [Fact]
    public void Kept_impressions_depend_only_on_the_share_and_clicks_keep_their_propensities()
    {
        var full = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 300 });
        var part = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 300, ImpressionLogShare = 0.3 });
        Assert.Equal(full.Log.Totals, part.Log.Totals);
        Assert.Equal(full.Log.Clicks.Propensities.ToArray(), part.Log.Clicks.Propensities.ToArray());
        var kept = Enumerable.Range(0, 300).Count(part.Log.ImpressionsKept);
        Assert.InRange(kept, 60, 120);
        Assert.All(part.Log.Impressions.Users.ToArray(), u => Assert.True(part.Log.ImpressionsKept(u)));
    }

    [Fact]
    public void Views_sum_event_weights_and_keep_ratings_on_a_one_to_five_scale()
    {
        var w = Tiny;
        var implicitView = w.Implicit();
        Assert.Equal(FeedbackKind.Implicit, implicitView.Kind);
        var expected = 0.0;
        foreach (var o in w.Log.Clicks.Outcomes)
            expected += 1 + ((o & Engagement.Like) != 0 ? 2 : 0) + ((o & Engagement.Purchase) != 0 ? 4 : 0);
        var total = 0.0;
        foreach (var v in implicitView.ValueColumn)
            total += v;
        Assert.Equal(expected, total, 3);
        var unweighted = w.Implicit(1, 0, 0);
        Assert.Equal(w.Log.Clicks.Count, unweighted.ValueColumn.ToArray().Sum());

        var ratings = w.Ratings();
        Assert.Equal(FeedbackKind.Explicit, ratings.Kind);
        Assert.Equal(RatingScale.OneToFive, ratings.Scale);
        Assert.All(ratings.ValueColumn.ToArray(), v => Assert.InRange(v, 1, 5));
        Assert.InRange(ratings.Count, w.Log.Totals.Ratings * 9 / 10, w.Log.Totals.Ratings);
    }

    [Fact]
    public void Features_have_the_documented_fields()
    {
        var w = Tiny;
        var fields = w.ItemFeatures.FieldCounts().Select(f => f.Key).ToArray();
        Assert.Equal(["creator", "kind", "price", "token", "topic"], fields.Order().ToArray());
        Assert.Equal(w.Items.Count, w.ItemFeatures.ItemsWithFeatures());
        Assert.Equal(["age", "gender", "region"], w.UserFeatures.Fields);
        Assert.Equal(Demographics.AgeBands[w.Users.AgeBand(3)], w.UserFeatures.LabelOf("age", 3));
        var dataset = w.ToDataset("synthetic:tiny");
        Assert.Same(w.ItemIds, dataset.Interactions.Items);
        Assert.Equal(w.Items.Title(5), dataset.ItemLabel(5));
    }
}
