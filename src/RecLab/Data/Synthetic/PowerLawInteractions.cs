using System.Globalization;
using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Implicit interactions at any scale with the shape of real logs and none of their meaning, for timing and memory
/// measurements (the 10M-interaction implicit-als fit of <c>reclab bench</c> and the scale test) where generating a
/// <see cref="World"/> of that size would take longer than what is measured: Zipf-like item popularity
/// (weight 1/(rank+10)), log-normal user activity, distinct items per user (at most half the catalogue), value 1
/// (or a star rating, <see cref="GenerateRatings"/>).
/// </summary>
public static class PowerLawInteractions
{
    /// <summary>
    /// About <paramref name="interactions"/> interactions of <paramref name="users"/> users over
    /// <paramref name="items"/> items (each user's share is rounded, every user has at least one, and none more than
    /// half the items, which drops interactions when the catalogue is small for the activity); ids are the indexes as
    /// text. The same arguments give the same data.
    /// </summary>
    public static InteractionData Generate(int users, int items, long interactions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(interactions, 1);
        var cumulative = new double[items];
        double total = 0;
        for (var i = 0; i < items; i++)
            cumulative[i] = total += 1.0 / (i + 10);
        var rng = new Rng(seed);
        var activity = new double[users];
        double activityTotal = 0;
        for (var u = 0; u < users; u++)
            activityTotal += activity[u] = Math.Exp(rng.NextGaussian(0, 1));
        var userIds = new IdMapBuilder(users);
        for (var u = 0; u < users; u++)
            userIds.GetOrAdd(u.ToString(CultureInfo.InvariantCulture));
        var itemIds = new IdMapBuilder(items);
        for (var i = 0; i < items; i++)
            itemIds.GetOrAdd(i.ToString(CultureInfo.InvariantCulture));
        var b = new InteractionDataBuilder(userIds, itemIds, (int)Math.Min(interactions + 1024, Array.MaxLength));
        var seen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            var count = (int)Math.Min(items / 2, Math.Max(1, Math.Round(interactions * activity[u] / activityTotal)));
            seen.Clear();
            while (seen.Count < count)
            {
                var k = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                var item = k >= 0 ? k : Math.Min(~k, items - 1);
                if (seen.Add(item))
                    b.Add(u, item, 1f);
            }
        }
        // Summed, a pair drawn twice would show as a value of 2 rather than vanish into one row.
        return b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum);
    }

    /// <summary>
    /// The pairs of <see cref="Generate"/> (the same arguments give the same pairs), each with a 1-5 star rating drawn
    /// from a stream of its own in the shares of ml-100k's 100,000 ratings: for timing the rating models (biased-mf's
    /// SGD) at the scale the implicit ones are timed at.
    /// </summary>
    public static InteractionData GenerateRatings(int users, int items, long interactions, ulong seed)
    {
        var pairs = Generate(users, items, interactions, seed);
        var rng = new Rng(Seeds.Derive(seed, "power-law/ratings"));
        var values = new float[pairs.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var draw = rng.NextDouble() * Ml100kStarCounts[^1];
            var stars = 1;
            while (draw >= Ml100kStarCounts[stars - 1])
                stars++;
            values[r] = stars;
        }
        return pairs.WithValues(values, FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    /// <summary>ml-100k's ratings of 1 to 5 stars, cumulative (6,110, 11,370, 27,145, 34,174 and 21,201 of 100,000).</summary>
    private static readonly double[] Ml100kStarCounts = [6_110, 17_480, 44_625, 78_799, 100_000];
}
