using RecLab.Data;
using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class ListMetricTests
{
    // Popularity 4, 2, 1, 0 over 4 users: self-information 0, 1, 2 and (pop 0 -> 1) 2 bits.
    private static readonly ListContext Context = new([4, 2, 1, 0], userCount: 4, Features());

    // item 0: {a}, item 1: {a, b} (weights 2, 2: normalization must remove the scale), item 2: {b}, item 3: none.
    private static ItemFeatures Features()
    {
        var b = new ItemFeaturesBuilder();
        b.Add(0, "genre", "a");
        b.Add(1, "genre", "a", 2f);
        b.Add(1, "genre", "b", 2f);
        b.Add(2, "genre", "b");
        return b.Build(IdMap.Sequential(4));
    }

    [Fact]
    public void Novelty_is_mean_self_information_with_unseen_items_counted_once()
    {
        Assert.Equal(1.25, new Novelty(10).Measure([0, 1, 2, 3], Context), 12); // (0 + 1 + 2 + 2) / 4
        Assert.Equal(0.5, new Novelty(2).Measure([0, 1, 2, 3], Context), 12);   // (0 + 1) / 2
        Assert.True(double.IsNaN(new Novelty(10).Measure([], Context)));
    }

    [Fact]
    public void Arp_is_mean_training_popularity()
    {
        Assert.Equal(7.0 / 3, new AverageRecommendationPopularity(10).Measure([0, 1, 2], Context), 12); // (4 + 2 + 1) / 3
        Assert.Equal(3.0, new AverageRecommendationPopularity(2).Measure([0, 1, 2], Context), 12);       // (4 + 2) / 2
        Assert.True(double.IsNaN(new AverageRecommendationPopularity(10).Measure([], Context)));
    }

    [Fact]
    public void Ild_is_mean_pairwise_cosine_distance()
    {
        // cos(0,1) = cos(1,2) = 1/√2, cos(0,2) = 0: ((1 − 1/√2) · 2 + 1) / 3.
        Assert.Equal(0.5285954792089683, new IntraListDiversity(10).Measure([0, 1, 2], Context), 6);
        // Item 3 has no features, so only the pair (0, 2) counts.
        Assert.Equal(1.0, new IntraListDiversity(10).Measure([0, 3, 2], Context), 6);
        // Identical feature directions: distance 0.
        Assert.Equal(0.0, new IntraListDiversity(10).Measure([0, 0], Context), 6);
    }

    [Fact]
    public void Ild_is_undefined_for_short_lists_missing_features_or_no_comparable_pair()
    {
        Assert.True(double.IsNaN(new IntraListDiversity(10).Measure([0], Context)));
        Assert.True(double.IsNaN(new IntraListDiversity(1).Measure([0, 1], Context)));
        Assert.True(double.IsNaN(new IntraListDiversity(10).Measure([0, 3], Context)));
        Assert.True(double.IsNaN(new IntraListDiversity(10).Measure([0, 1], new ListContext([1, 1, 1, 1], 4))));
    }

    [Fact]
    public void Context_from_training_data_counts_interactions_per_item_and_active_users()
    {
        var b = new InteractionDataBuilder();
        b.Add("u1", "i1", 1f);
        b.Add("u1", "i2", 1f);
        b.Add("u2", "i1", 1f);
        var context = new ListContext(b.Build(FeedbackKind.Implicit, null));
        Assert.Equal([2, 1], context.Popularity);
        Assert.Equal(2, context.UserCount);
        Assert.Equal(2, context.ItemCount);
        Assert.Null(context.ItemFeatures);
    }

    [Fact]
    public void Features_must_match_the_catalogue()
    {
        Assert.Throws<ArgumentException>(() => new ListContext([1, 2, 3], 3, Features()));
    }
}
