using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Neighborhood;

public sealed class SarTests : RecommenderContract<Sar>
{
    protected override Sar Create() => new();

    private static float ScoreOf(IRecommender model, TrainingSet train, int user, int item)
    {
        var scores = new float[model.ItemCount];
        model.Score(UserQuery.ForUser(train.Interactions, user), scores);
        return scores[item];
    }

    // ThreeByThree: i0 has users {u0, u1, u2}, i1 {u0, u2}, i2 {u1, u2}; C01 = 2, C02 = 2, C12 = 1.

    [Fact]
    public void Jaccard_similarities_weight_the_users_ratings()
    {
        // S01 = 2 / (3 + 2 - 2) = 2/3, S02 = 2/3, S12 = 1 / (2 + 2 - 1) = 1/3.
        var train = TinyRatings.ThreeByThree();
        var m = TinyRatings.Fitted(new Sar(), train);
        Assert.Equal(2f / 3, m.SimilarityOf(0, 1), 6);
        Assert.Equal(2f / 3, m.SimilarityOf(2, 0), 6);
        Assert.Equal(1f / 3, m.SimilarityOf(1, 2), 6);
        // u0 rated i0 4 and i1 2: s(i2) = 4 * 2/3 + 2 * 1/3 = 10/3. u1 rated i0 5 and i2 3: s(i1) = 5 * 2/3 + 3 * 1/3 = 13/3.
        Assert.Equal(10f / 3, ScoreOf(m, train, 0, 2), 5);
        Assert.Equal(13f / 3, ScoreOf(m, train, 1, 1), 5);
    }

    [Theory]
    [InlineData(SarSimilarity.Lift, 4 * (2f / 6) + 2 * (1f / 4))]
    [InlineData(SarSimilarity.Cooccurrence, 4 * 2f + 2 * 1f)]
    public void Lift_and_cooccurrence_follow_their_definitions(SarSimilarity similarity, float expected)
    {
        var train = TinyRatings.ThreeByThree();
        var m = TinyRatings.Fitted(new Sar(new SarOptions { Similarity = similarity }), train);
        Assert.Equal(expected, ScoreOf(m, train, 0, 2), 5);
    }

    [Fact]
    public void Counts_below_the_threshold_are_dropped()
    {
        // Threshold 2 drops C12 = 1: u0's i2 scores 4 * 2/3 only.
        var train = TinyRatings.ThreeByThree();
        var m = TinyRatings.Fitted(new Sar(new SarOptions { Threshold = 2 }), train);
        Assert.Equal(0f, m.SimilarityOf(1, 2));
        Assert.Equal(8f / 3, ScoreOf(m, train, 0, 2), 5);
    }

    [Fact]
    public void Time_decay_halves_a_weight_per_half_life_before_the_latest_interaction()
    {
        // The same ratings, u0's i0 rated 30 days before the latest interaction: its affinity 4 becomes 2, so
        // s(i2) = 2 * 2/3 + 2 * 1/3 = 2. A weight newer than t_now would be capped at factor 1.
        const long day = 24 * 60 * 60;
        var b = new InteractionDataBuilder();
        b.Add("u0", "i0", 4, 1_000 * day);
        b.Add("u0", "i1", 2, 1_030 * day);
        b.Add("u1", "i0", 5, 1_030 * day);
        b.Add("u1", "i2", 3, 1_030 * day);
        b.Add("u2", "i0", 3, 1_030 * day);
        b.Add("u2", "i1", 1, 1_030 * day);
        b.Add("u2", "i2", 4, 1_030 * day);
        var train = new TrainingSet(b.Build(FeedbackKind.Explicit, RatingScale.OneToFive));
        var m = TinyRatings.Fitted(new Sar(new SarOptions { TimeDecay = true, HalfLifeDays = 30 }), train);
        Assert.Equal(2f, m.Affinities[0], 5);
        Assert.Equal(2f, ScoreOf(m, train, 0, train.Interactions.Items.IndexOf("i2")), 5);
    }

    [Fact]
    public void A_user_whose_ratings_are_all_decades_old_keeps_their_ranking()
    {
        // 20 years at a 30-day half-life is a factor 2^-243, below float's range: the ranking must survive it.
        const long day = 24 * 60 * 60;
        var b = new InteractionDataBuilder();
        b.Add("old", "i0", 4, 0);
        b.Add("old", "i1", 2, 0);
        foreach (var (u, i) in new[] { ("a", "i0"), ("a", "i2"), ("b", "i0"), ("b", "i1"), ("b", "i2"), ("c", "i1"), ("c", "i3") })
            b.Add(u, i, 3, 7_300 * day);
        var train = new TrainingSet(b.Build(FeedbackKind.Explicit, RatingScale.OneToFive));
        var m = TinyRatings.Fitted(new Sar(new SarOptions { TimeDecay = true }), train);
        var old = train.Interactions.Users.IndexOf("old");
        var scores = new float[m.ItemCount];
        m.Score(UserQuery.ForUser(train.Interactions, old), scores);
        // i2 co-occurs with i0 (twice) and i1 (once), i3 only with i1: both positive, i2 ahead.
        var (i2, i3) = (train.Interactions.Items.IndexOf("i2"), train.Interactions.Items.IndexOf("i3"));
        Assert.True(scores[i3] > 0);
        Assert.True(scores[i2] > scores[i3]);
    }

    [Fact]
    public void Time_decay_without_timestamps_says_what_is_missing()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TinyRatings.Fitted(new Sar(new SarOptions { TimeDecay = true }), TinyRatings.ThreeByThree()));
        Assert.Contains("timestamps", e.Message);
    }

    [Fact]
    public void Is_registered_with_the_benchmark_options()
    {
        var m = (Sar)RecommenderRegistry.Default.Parse("sar:similarity=jaccard,time_decay=true,half_life_days=30");
        Assert.Equal((SarSimilarity.Jaccard, true, 30.0, 1), (m.Options.Similarity, m.Options.TimeDecay, m.Options.HalfLifeDays, m.Options.Threshold));
        Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse("sar:threshold=0"));
    }
}
