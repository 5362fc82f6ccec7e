using RecLab.Data.Synthetic;
using RecLab.Randomness;

namespace RecLab.Tests.Data.Synthetic;

public sealed class GroundTruthTests
{
    private static World Tiny => SyntheticWorlds.Tiny;

    [Fact]
    public void Affinity_is_taste_dot_item_vector_plus_quality()
    {
        var w = Tiny;
        foreach (var (u, i) in new[] { (0, 0), (7, 1999), (321, 640) })
        {
            var taste = w.Users.Taste(u);
            var vector = w.Items.Vector(i);
            var dot = 0.0;
            for (var k = 0; k < taste.Length; k++)
                dot += taste[k] * vector[k];
            Assert.Equal(dot + w.Items.Quality(i), w.Affinity(u, i), 4);
        }
    }

    [Fact]
    public void Oracle_scores_are_the_affinities_of_every_item()
    {
        var w = Tiny;
        var scores = new float[w.Items.Count];
        w.AffinityScores(12, scores);
        for (var i = 0; i < scores.Length; i += 37)
            Assert.Equal(w.Affinity(12, i), scores[i], 5);
        Assert.Throws<ArgumentException>(() => w.AffinityScores(12, new float[3]));
    }

    [Fact]
    public void Topic_interest_raises_affinity()
    {
        // Items of a user's top topic are liked more than the rest, on average.
        var w = Tiny;
        double inTopic = 0, other = 0;
        int nIn = 0, nOther = 0;
        for (var u = 0; u < w.Users.Count; u += 5)
        {
            var top = w.Users.TopInterest(u);
            for (var i = 0; i < w.Items.Count; i += 7)
            {
                if (w.Items.PrimaryTopic(i) == top)
                {
                    inTopic += w.Affinity(u, i);
                    nIn++;
                }
                else
                {
                    other += w.Affinity(u, i);
                    nOther++;
                }
            }
        }
        Assert.True(inTopic / nIn > other / nOther + 1, $"{inTopic / nIn:0.00} vs {other / nOther:0.00}");
    }

    [Fact]
    public void Examination_decays_with_position()
    {
        var w = Tiny;
        Assert.Equal(1f, w.ExaminationProbability(0));
        for (var k = 1; k < 300; k++)
            Assert.True(w.ExaminationProbability(k) < w.ExaminationProbability(k - 1));
        Assert.Equal(Math.Pow(6, -w.Options.PositionDecay), w.ExaminationProbability(5), 6);
    }

    [Fact]
    public void Clicks_rise_with_affinity_and_fall_with_position_and_fatigue()
    {
        var w = Tiny;
        Assert.True(w.ClickProbabilityIfExamined(2f, 0) > w.ClickProbabilityIfExamined(1f, 0));
        Assert.True(w.ClickProbabilityIfExamined(1f, 3) < w.ClickProbabilityIfExamined(1f, 0));
        Assert.True(w.ClickProbability(3, 10, 4) < w.ClickProbability(3, 10, 0));
        var expected = w.ExaminationProbability(2) / (1 + Math.Exp(-(w.Options.ClickBias + w.Options.ClickSlope * w.Affinity(3, 10) - w.Options.FatiguePerExposure * 1.5)));
        Assert.Equal(expected, w.ClickProbability(3, 10, 2, 1.5f), 5);
    }

    [Fact]
    public void Purchases_need_a_product_and_fall_with_price()
    {
        var w = Tiny;
        var post = Enumerable.Range(0, w.Items.Count).First(i => w.Items.Kind(i) == ItemKind.Post);
        Assert.Equal(0f, w.PurchaseProbability(0, post));
        var products = Enumerable.Range(0, w.Items.Count).Where(i => w.Items.Kind(i) == ItemKind.Product)
            .OrderBy(i => w.Items.Price(i)).ToArray();
        var cheap = products[0];
        var dear = products[^1];
        Assert.True(w.Items.Price(dear) > w.Items.Price(cheap));
        // Same affinity, so only the price differs.
        Assert.True(w.PurchaseProbability(0, dear, 1f) < w.PurchaseProbability(0, cheap, 1f));
        Assert.True(w.PurchaseProbability(0, cheap, 2f) > w.PurchaseProbability(0, cheap, 1f));
    }

    [Fact]
    public void Ratings_rise_with_affinity_and_stay_on_the_scale()
    {
        var w = Tiny;
        Assert.Equal(w.Options.RatingSlope, w.RatingScore(4, 2f) - w.RatingScore(4, 1f), 5);
        var rng = new Rng(1);
        double low = 0, high = 0;
        for (var k = 0; k < 2_000; k++)
        {
            var a = w.SampleRating(4, -3f, ref rng);
            var b = w.SampleRating(4, 4f, ref rng);
            Assert.InRange(a, 1, 5);
            Assert.InRange(b, 1, 5);
            low += a;
            high += b;
        }
        Assert.True(high > low + 2 * 2_000);
    }

    [Fact]
    public void User_state_tracks_fatigue_that_lowers_clicks_and_decays_daily()
    {
        var w = Tiny;
        var state = new UserState(w, 9);
        var item = 100;
        var creator = w.Items.Creator(item);
        var rng = new Rng(2);
        for (var k = 0; k < 4; k++)
            w.Respond(state, item, 0, ref rng, out _);
        Assert.Equal(4f, state.ExposuresTo(creator));
        Assert.Equal(0f, state.ExposuresTo((creator + 1) % w.Creators.Count));
        Assert.True(w.ClickProbabilityIfExamined(w.Affinity(state.Taste, item), state.ExposuresTo(creator))
            < w.ClickProbabilityIfExamined(w.Affinity(state.Taste, item), 0));
        state.EndDay(ref rng);
        Assert.Equal(4f * (float)w.Options.FatigueDecay, state.ExposuresTo(creator), 5);
        for (var d = 0; d < 10; d++)
            state.EndDay(ref rng);
        Assert.Equal(0f, state.ExposuresTo(creator));
        Assert.Equal(w.Users.Taste(9).ToArray(), state.Taste.ToArray());
    }

    [Fact]
    public void Taste_drifts_only_when_asked_and_stays_near_the_original()
    {
        var w = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 50, Items = 300, Creators = 10, Days = 3, DriftPerDay = 0.05 });
        var state = new UserState(w, 3);
        var rng = new Rng(3);
        for (var d = 0; d < 200; d++)
            state.EndDay(ref rng);
        var origin = w.Users.Taste(3);
        var moved = 0.0;
        for (var k = 0; k < origin.Length; k++)
            moved = Math.Max(moved, Math.Abs(state.Taste[k] - origin[k]));
        Assert.InRange(moved, 0.01, 2.0);
    }

    [Fact]
    public void Oracle_finds_counterfactual_clicks_far_above_chance()
    {
        // The oracle side of the learnability check: precision@10 of ranking by true affinity against clicks drawn with
        // every item shown at the top slot, versus the base rate of such clicks.
        var w = Tiny;
        var truth = w.CounterfactualClicks(w.Items.Count, seed: 5);
        Assert.Equal(truth.ItemColumn.ToArray(), w.CounterfactualClicks(w.Items.Count, seed: 5, maxThreads: 1).ItemColumn.ToArray());
        for (var u = 0; u < w.Users.Count; u += 10)
            foreach (var i in truth.ByUser.RowIndices(u))
                Assert.True(w.Implicit().ByUser.RowIndices(u).BinarySearch(i) < 0, "items clicked in the log are left out");
        var baseRate = (double)(truth.Count + w.Implicit().Count) / ((double)w.Users.Count * w.Items.Count);
        var scores = new float[w.Items.Count];
        var hits = 0;
        for (var u = 0; u < w.Users.Count; u++)
        {
            w.AffinityScores(u, scores);
            var top = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(10);
            var relevant = truth.ByUser.RowIndices(u).ToArray();
            hits += top.Count(i => Array.BinarySearch(relevant, i) >= 0);
        }
        var precision = hits / (10.0 * w.Users.Count);
        Assert.InRange(baseRate, 0.01, 0.15);
        Assert.True(precision > 5 * baseRate, $"oracle precision@10 {precision:0.000}, base rate {baseRate:0.000}");
    }

    [Fact]
    public void Counterfactual_samples_have_the_requested_size_per_user()
    {
        var w = Tiny;
        var a = w.CounterfactualClicks(100, seed: 1);
        var b = w.CounterfactualClicks(100, seed: 1, maxThreads: 1);
        Assert.True(w.CounterfactualClicks(100, seed: 1, excludeLogged: false).Count >= a.Count);
        Assert.Equal(a.ItemColumn.ToArray(), b.ItemColumn.ToArray());
        for (var u = 0; u < w.Users.Count; u++)
            Assert.InRange(a.ByUser.RowLength(u), 0, 100);
    }
}
