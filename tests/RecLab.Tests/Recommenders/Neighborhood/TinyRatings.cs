using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Neighborhood;

/// <summary>Small rating matrices whose statistics are worked out by hand in the tests' comments.</summary>
public static class TinyRatings
{
    /// <summary>
    /// <code>
    ///        i0  i1  i2
    ///   u0:   4   2   -
    ///   u1:   5   -   3
    ///   u2:   3   1   4
    /// </code>
    /// mu = 22/7; user means 3, 4, 8/3; item means 4, 1.5, 3.5.
    /// </summary>
    public static TrainingSet ThreeByThree() => Build(
        [(0, 0, 4), (0, 1, 2), (1, 0, 5), (1, 2, 3), (2, 0, 3), (2, 1, 1), (2, 2, 4)]);

    /// <summary>Ratings as (user, item, value) over users u0.. and items i0.. (1-5 stars).</summary>
    public static TrainingSet Build(IEnumerable<(int User, int Item, float Value)> ratings, int users = 0, int items = 0)
    {
        var list = ratings.ToList();
        var userIds = new IdMapBuilder();
        var itemIds = new IdMapBuilder();
        var userCount = Math.Max(users, list.Max(r => r.User) + 1);
        var itemCount = Math.Max(items, list.Max(r => r.Item) + 1);
        for (var u = 0; u < userCount; u++)
            userIds.GetOrAdd($"u{u}");
        for (var i = 0; i < itemCount; i++)
            itemIds.GetOrAdd($"i{i}");
        var b = new InteractionDataBuilder(userIds, itemIds);
        foreach (var (u, i, v) in list)
            b.Add(u, i, v);
        return new TrainingSet(b.Build(FeedbackKind.Explicit, RatingScale.OneToFive));
    }

    /// <summary>Implicit interactions (value 1) from (user, item) pairs.</summary>
    public static TrainingSet Implicit(IEnumerable<(int User, int Item)> pairs)
    {
        var list = pairs.ToList();
        var userIds = new IdMapBuilder();
        var itemIds = new IdMapBuilder();
        for (var u = 0; u <= list.Max(p => p.User); u++)
            userIds.GetOrAdd($"u{u}");
        for (var i = 0; i <= list.Max(p => p.Item); i++)
            itemIds.GetOrAdd($"i{i}");
        var b = new InteractionDataBuilder(userIds, itemIds);
        foreach (var (u, i) in list)
            b.Add(u, i, 1f);
        return new TrainingSet(b.Build(FeedbackKind.Implicit, null));
    }

    /// <summary>Fits a model with a fixed seed and returns it.</summary>
    public static T Fitted<T>(T model, TrainingSet train, int threads = 2) where T : IRecommender
    {
        model.Fit(train, new FitContext { Seed = 7, MaxThreads = threads });
        return model;
    }
}
