using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using RecLab.Data;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

/// <summary>Random small interaction data for property tests, and helpers to compare folds with their input.</summary>
public static class SplitData
{
    /// <summary>
    /// Up to 9 users and 12 items (some with no rows), ratings 1–5, timestamps 0–29 (so ties are common); rows are
    /// decoded from random integers so that FsCheck can shrink a failure by dropping them. Empty data included.
    /// </summary>
    public static Arbitrary<InteractionData> Small(bool timestamps = true) =>
        (from users in Gen.Choose(1, 9)
         from items in Gen.Choose(1, 12)
         from codes in Gen.Choose(0, int.MaxValue).ArrayOf()
         select Build(users, items, codes, timestamps)).ToArbitrary();

    public static InteractionData Build(int users, int items, int[] codes, bool timestamps = true)
    {
        var b = new InteractionDataBuilder(Ids(users), Ids(items));
        foreach (var c in codes)
        {
            var x = (uint)c;
            var u = (int)(x % (uint)users);
            x /= (uint)users;
            var i = (int)(x % (uint)items);
            x /= (uint)items;
            b.Add(u, i, 1 + x % 5, timestamps ? x / 5 % 30 : null);
        }
        return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    /// <summary>Dense-ish random data big enough that two seeds practically never give the same split.</summary>
    public static InteractionData Medium(ulong seed = 11, int users = 60, int items = 50)
    {
        var rng = new RecLab.Randomness.Rng(seed);
        var b = new InteractionDataBuilder(Ids(users), Ids(items));
        for (var u = 0; u < users; u++)
            for (var i = 0; i < items; i++)
                if (rng.NextDouble() < 0.3 || i == u % items)
                    b.Add(u, i, 1 + rng.NextInt(5), rng.NextInt(1000));
        return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    /// <summary>Every row as (user, item, time), for ordering checks.</summary>
    public static List<(int User, int Item, long Time)> Timed(InteractionData data)
    {
        var rows = new List<(int, int, long)>(data.Count);
        var users = data.UserColumn();
        for (var r = 0; r < data.Count; r++)
            rows.Add((users[r], data.ItemColumn[r], data.TimestampAt(r)));
        return rows;
    }

    /// <summary>Every row as (user id, item id, value, time), sorted: a multiset to compare.</summary>
    public static List<(string User, string Item, float Value, long Time)> Rows(InteractionData data)
    {
        var rows = new List<(string, string, float, long)>(data.Count);
        var users = data.UserColumn();
        for (var r = 0; r < data.Count; r++)
            rows.Add((data.Users[users[r]], data.Items[data.ItemColumn[r]], data.ValueColumn[r], data.HasTimestamps ? data.TimestampAt(r) : -1));
        rows.Sort();
        return rows;
    }

    /// <summary>(user, item) pairs of a part, for set comparisons.</summary>
    public static HashSet<(int User, int Item)> Pairs(InteractionData data)
    {
        var set = new HashSet<(int, int)>();
        var users = data.UserColumn();
        for (var r = 0; r < data.Count; r++)
            set.Add((users[r], data.ItemColumn[r]));
        return set;
    }

    /// <summary>Users (or items) with at least one row.</summary>
    public static HashSet<int> Active(InteractionData data, GroupBy by)
    {
        var set = new HashSet<int>();
        var m = by == GroupBy.User ? data.ByUser : data.ByItem;
        for (var g = 0; g < m.RowCount; g++)
            if (m.RowLength(g) > 0)
                set.Add(g);
        return set;
    }

    /// <summary>Number of rows of a user (or item).</summary>
    public static int CountOf(InteractionData data, GroupBy by, int group) =>
        (by == GroupBy.User ? data.ByUser : data.ByItem).RowLength(group);

    private static IdMapBuilder Ids(int count)
    {
        var b = new IdMapBuilder(count);
        for (var k = 0; k < count; k++)
            b.GetOrAdd(k.ToString(CultureInfo.InvariantCulture));
        return b;
    }
}
