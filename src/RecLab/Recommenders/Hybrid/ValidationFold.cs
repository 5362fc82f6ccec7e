using RecLab.Data;
using RecLab.Randomness;
using RecLab.Splitting;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// A validation split carved from the training data (never the test): what a hybrid fits its own parameters on
/// (blend weights, a learned ranker), with its relevant items, seeded sample of users and their queries.
/// </summary>
internal static class ValidationFold
{
    /// <summary>The held-out items of <paramref name="u"/> that count as relevant (explicit data: rated at least <paramref name="threshold"/>).</summary>
    public static int[] Relevant(Fold fold, int u, float threshold)
    {
        var items = fold.Test.ByUser.RowIndices(u);
        var values = fold.Test.ByUser.RowValues(u);
        var relevant = new List<int>(items.Length);
        for (var k = 0; k < items.Length; k++)
            if (fold.Test.Kind != FeedbackKind.Explicit || values[k] >= threshold)
                relevant.Add(items[k]);
        return [.. relevant];
    }

    /// <summary>Users with a relevant held-out item, at most <paramref name="most"/> of them (a seeded sample), ascending.</summary>
    public static int[] SampleUsers(Fold fold, int most, float threshold, ulong seed)
    {
        var users = new List<int>();
        for (var u = 0; u < fold.Test.UserCount; u++)
            if (Relevant(fold, u, threshold).Length > 0)
                users.Add(u);
        var array = users.ToArray();
        if (array.Length > most)
        {
            var rng = Seeds.Stream(seed, Seeds.Hash("users"));
            rng.Shuffle(array.AsSpan());
            array = array[..most];
            Array.Sort(array);
        }
        return array;
    }

    /// <summary>A validation user's query: their training history plus, in cold-start splits, their onboarding interactions.</summary>
    public static UserQuery QueryFor(Fold fold, int u)
    {
        if (fold.Onboarding is not { } onboarding || onboarding.ByUser.RowLength(u) == 0)
            return UserQuery.ForUser(fold.Train, u);
        var pairs = new SortedDictionary<int, float>();
        foreach (var part in new[] { fold.Train, onboarding })
        {
            var items = part.ByUser.RowIndices(u);
            var values = part.ByUser.RowValues(u);
            for (var k = 0; k < items.Length; k++)
                pairs[items[k]] = values[k];
        }
        return new UserQuery(u, pairs.Keys.ToArray(), pairs.Values.ToArray());
    }
}
