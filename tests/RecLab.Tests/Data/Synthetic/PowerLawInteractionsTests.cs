using RecLab.Data;
using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

public sealed class PowerLawInteractionsTests
{
    [Fact]
    public void The_same_arguments_give_the_same_data_and_another_seed_other_data()
    {
        var a = PowerLawInteractions.Generate(300, 200, 6_000, 5);
        var b = PowerLawInteractions.Generate(300, 200, 6_000, 5);
        var c = PowerLawInteractions.Generate(300, 200, 6_000, 6);

        Assert.Equal(a.ItemColumn.ToArray(), b.ItemColumn.ToArray());
        Assert.Equal(a.UserColumn(), b.UserColumn());
        Assert.NotEqual(a.UserColumn(), c.UserColumn());
    }

    [Fact]
    public void Every_user_has_items_each_once_and_the_total_is_the_asked_one_up_to_rounding()
    {
        const int users = 500;
        var data = PowerLawInteractions.Generate(users, 4_000, 20_000, 1);

        Assert.Equal((users, 4_000, FeedbackKind.Implicit), (data.UserCount, data.ItemCount, data.Kind));
        // Each user's share is rounded (at most half an interaction off) and at least one: the total is within a user
        // count, as long as no share reaches half the catalogue (the heaviest of 500 gets about a dozen times the mean of 40).
        Assert.InRange(data.Count, 20_000 - users / 2, 20_000 + users);
        for (var u = 0; u < users; u++)
            Assert.InRange(data.ByUser.RowLength(u), 1, 2_000);
        // Duplicate pairs are summed when the data is built: a value of 2 would be an item drawn twice for one user.
        Assert.All(data.ValueColumn.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Ratings_are_on_the_pairs_of_the_interactions_in_ml_100k_s_shares()
    {
        var pairs = PowerLawInteractions.Generate(2_000, 3_000, 200_000, 9);
        var rated = PowerLawInteractions.GenerateRatings(2_000, 3_000, 200_000, 9);

        Assert.Equal((FeedbackKind.Explicit, (RatingScale?)RatingScale.OneToFive), (rated.Kind, rated.Scale));
        Assert.Equal(pairs.UserColumn(), rated.UserColumn());
        Assert.Equal(pairs.ItemColumn.ToArray(), rated.ItemColumn.ToArray());
        var counts = new int[6];
        foreach (var v in rated.ValueColumn)
            counts[(int)v]++;
        Assert.Equal(0, counts[0]);
        // ml-100k: 6,110, 11,370, 27,145, 34,174 and 21,201 of 100,000 ratings; a share's standard error here is at most 0.0011.
        double[] shares = [0.06110, 0.11370, 0.27145, 0.34174, 0.21201];
        for (var stars = 1; stars <= 5; stars++)
            Assert.InRange((double)counts[stars] / rated.Count, shares[stars - 1] - 0.005, shares[stars - 1] + 0.005);
        // Their mean is ml-100k's, 3.52986.
        Assert.InRange(rated.ValueColumn.ToArray().Average(), 3.52986 - 0.01, 3.52986 + 0.01);
    }

    [Fact]
    public void Popularity_falls_with_rank_as_one_over_rank_plus_ten()
    {
        var data = PowerLawInteractions.Generate(4_000, 1_000, 60_000, 3);
        var byItem = data.ByItem;
        var head = 0;
        var tail = 0;
        for (var i = 0; i < 10; i++)
        {
            head += byItem.RowLength(i);
            tail += byItem.RowLength(990 + i);
        }
        // Weights 1/10..1/19 against 1/1000..1/1009: about 75 times; users' distinct-item draws flatten the head a little.
        Assert.InRange((double)head / tail, 40, 110);
    }
}
