using FsCheck;
using FsCheck.Fluent;
using RecLab.Data;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

public sealed class GroupHoldoutTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(4_242, 1_234_567);

    /// <summary>The reference definitions, written the way their sources compute them (doubles, not decimals).</summary>
    private static int Expected(GroupHoldoutOptions o, int n)
    {
        int t;
        if (o.Size.IsCount)
            t = o.Size.Count;
        else if (o.Rounding == FractionRounding.Up)
        {
            // Microsoft Recommenders: the k-th of n shuffled rows trains when k / n <= ratio.
            var ratio = 1 - o.Size.Fraction;
            var train = 0;
            for (var k = 1; k <= n; k++)
                if ((double)k / n <= ratio + 1e-12)
                    train++;
            t = n - train;
        }
        else if (o.Rounding == FractionRounding.Down)
            t = (int)Math.Floor(n * o.Size.Fraction + 1e-12);
        else
            t = (int)Math.Round(n * o.Size.Fraction, MidpointRounding.ToEven); // Python's round, as LensKit
        t = Math.Min(t, n);
        return t <= 0 || n - t < o.MinTrain ? 0 : t;
    }

    public static readonly GroupHoldoutOptions[] Cases =
    [
        new(),
        new() { Size = HoldoutSize.OfFraction(0.5), Rounding = FractionRounding.Down },
        new() { Size = HoldoutSize.OfFraction(0.25), Rounding = FractionRounding.Up, MinTrain = 0 },
        new() { Size = HoldoutSize.OfFraction(0.4), Order = HoldoutOrder.Time, MinTrain = 2 },
        new() { Size = HoldoutSize.OfCount(2) },
        new() { Size = HoldoutSize.OfCount(3), MinTrain = 0, Order = HoldoutOrder.Time },
        new() { By = GroupBy.Item, Size = HoldoutSize.OfFraction(0.3) },
        new() { By = GroupBy.Item, Size = HoldoutSize.OfCount(1), MinTrain = 0 },
        new() { Folds = 3, Size = HoldoutSize.OfFraction(0.5) },
        new() { Folds = 2, Size = HoldoutSize.OfCount(1), MinTrain = 0, Order = HoldoutOrder.Time },
        new() { By = GroupBy.Item, Folds = 4, Size = HoldoutSize.OfFraction(0.5), Rounding = FractionRounding.Up },
    ];

    [Fact]
    public void Each_group_gets_the_count_its_rule_asks_for_and_the_rest_stay_in_train()
    {
        foreach (var options in Cases)
        {
            var splitter = new GroupHoldout(options);
            Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
            {
                var folds = Enumerable.Range(0, splitter.FoldCount).Select(f => splitter.CreateFold(data, f, 5)).ToList();
                var keptExpected = 0;
                foreach (var g in SplitData.Active(data, options.By))
                {
                    var n = SplitData.CountOf(data, options.By, g);
                    var expected = Expected(options, n);
                    if (expected == 0)
                        keptExpected++;
                    var perFold = folds.Select(f => SplitData.CountOf(f.Test, options.By, g)).ToList();
                    // Folds over groups test each group in exactly one fold; a single fold tests every group.
                    Assert.True(perFold.Sum() == expected, $"{splitter.Spec}: group {g} of {n} got {perFold.Sum()} test rows, expected {expected}");
                    Assert.True(perFold.Count(c => c > 0) <= 1, $"{splitter.Spec}: group {g} tested in several folds");
                }
                var kept = folds.Sum(f => options.By == GroupBy.User ? f.UsersKeptInTrain : f.ItemsKeptInTrain);
                // Groups kept in train are counted only in the fold that tests them.
                Assert.Equal(keptExpected, kept);
            }));
        }
    }

    [Fact]
    public void Time_ordered_holdouts_test_each_groups_latest_interactions_and_warn_about_leakage()
    {
        foreach (var options in Cases.Where(o => o.Order == HoldoutOrder.Time))
        {
            var splitter = new GroupHoldout(options);
            Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
            {
                var fold = splitter.CreateFold(data, 0, 5);
                Assert.Contains(fold.Warnings, w => w.Contains("leakage"));
                var test = SplitData.Timed(fold.Test).ToLookup(r => r.User);
                foreach (var (u, i, t) in SplitData.Timed(fold.Train))
                    foreach (var x in test[u])
                        // Latest by (time, then canonical order); within a user, canonical order is by item.
                        Assert.True((t, i).CompareTo((x.Time, x.Item)) < 0, $"{splitter.Spec}: train ({u},{i},{t}) after test ({x.User},{x.Item},{x.Time})");
            }));
        }
    }

    [Fact]
    public void User_kfold_tests_disjoint_user_sets_and_keeps_other_users_whole_in_train()
    {
        var splitter = SplitSpec.Parse("user-kfold:3:fraction=0.5");
        Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
        {
            var seen = new HashSet<int>();
            for (var f = 0; f < 3; f++)
            {
                var fold = splitter.CreateFold(data, f, 9);
                var testUsers = SplitData.Active(fold.Test, GroupBy.User);
                Assert.True(!testUsers.Overlaps(seen), "a user is tested in two folds");
                seen.UnionWith(testUsers);
                foreach (var u in SplitData.Active(data, GroupBy.User).Except(testUsers))
                    Assert.Equal(data.ByUser.RowLength(u), fold.Train.ByUser.RowLength(u));
            }
        }));
    }

    [Fact]
    public void Leave_last_out_hand_example()
    {
        // User 0: items 0,1,2 at times 5,3,9 -> item 2. User 1: one interaction -> stays in train (min 2).
        // User 2: items 0,1 both at time 4 -> the tie goes to canonical order, so item 1 is "last".
        var data = Build([(0, 0, 5), (0, 1, 3), (0, 2, 9), (1, 1, 7), (2, 0, 4), (2, 1, 4)]);
        var fold = SplitSpec.Parse("leave-last-out").CreateFold(data, 0, 1);
        Assert.Equal([(0, 2), (2, 1)], SplitData.Pairs(fold.Test).Order());
        Assert.Equal(1, fold.UsersKeptInTrain);
        Assert.Equal(4, fold.Train.Count);

        // min=3 tests only user 0.
        var strict = SplitSpec.Parse("leave-last-out:min=3").CreateFold(data, 0, 1);
        Assert.Equal([(0, 2)], SplitData.Pairs(strict.Test));
        Assert.Equal(2, strict.UsersKeptInTrain);

        // min=1 lets user 1 go wholly to test.
        Assert.Equal(3, SplitSpec.Parse("leave-last-out:min=1").CreateFold(data, 0, 1).Test.Count);
    }

    [Fact]
    public void Leave_one_out_random_picks_one_per_user_and_varies_with_the_seed()
    {
        var data = SplitData.Medium();
        var splitter = SplitSpec.Parse("leave-one-out:random");
        var a = splitter.CreateFold(data, 0, 1);
        Assert.All(SplitData.Active(data, GroupBy.User), u => Assert.Equal(1, a.Test.ByUser.RowLength(u)));
        Assert.NotEqual(SplitData.Pairs(a.Test), SplitData.Pairs(splitter.CreateFold(data, 0, 2).Test));
    }

    [Fact]
    public void Stratified_rounding_matches_microsoft_recommenders_by_hand()
    {
        // ratio 0.75: a user keeps floor(0.75 n) for training. n = 1..6 -> train 0,1,2,3,3,4; test 1,1,1,1,2,2.
        var data = Build([.. Enumerable.Range(1, 6).SelectMany(n => Enumerable.Range(0, n).Select(i => (n - 1, i, (long)i)))]);
        var fold = SplitSpec.Parse("stratified:0.75").CreateFold(data, 0, 1);
        Assert.Equal([1, 1, 1, 1, 2, 2], Enumerable.Range(0, 6).Select(u => fold.Test.ByUser.RowLength(u)));
        Assert.Equal(0, fold.UsersKeptInTrain);

        // Nearest with halves to even (LensKit's round): 0.25 n = 0.25, 0.5, 0.75, 1, 1.25, 1.5 -> 0, 0, 1, 1, 1, 2.
        var nearest = SplitSpec.Parse("user-holdout:0.25").CreateFold(data, 0, 1);
        Assert.Equal([0, 0, 1, 1, 1, 2], Enumerable.Range(0, 6).Select(u => nearest.Test.ByUser.RowLength(u)));
        Assert.Equal(2, nearest.UsersKeptInTrain);

        // 0.5 of 2 is exactly 1, of 1 rounds to 0 (half to even), and 0.3 of 5 is 1.5 -> 2 in exact decimals.
        Assert.Equal(1, new GroupHoldout(new() { Size = HoldoutSize.OfFraction(0.5) }).TestCount(2));
        Assert.Equal(0, new GroupHoldout(new() { Size = HoldoutSize.OfFraction(0.5), MinTrain = 0 }).TestCount(1));
        Assert.Equal(2, new GroupHoldout(new() { Size = HoldoutSize.OfFraction(0.3) }).TestCount(5));
    }

    [Fact]
    public void Stratified_by_item_splits_each_items_raters()
    {
        // Item 0 rated by 4 users, item 1 by 1 user: 1 of 4 and the lone rating go to test.
        var data = Build([(0, 0, 1), (1, 0, 2), (2, 0, 3), (3, 0, 4), (0, 1, 5)]);
        var fold = SplitSpec.Parse("stratified:0.75:by=item").CreateFold(data, 0, 1);
        Assert.Equal(1, fold.Test.ByItem.RowLength(0));
        Assert.Equal(1, fold.Test.ByItem.RowLength(1));
        Assert.Equal(0, fold.Train.ByItem.RowLength(1));

        var chrono = SplitSpec.Parse("stratified:0.75:by=item:order=time").CreateFold(data, 0, 1);
        Assert.Equal([(3, 0), (0, 1)], SplitData.Pairs(chrono.Test).OrderBy(p => p.Item));
    }

    [Fact]
    public void Count_holdout_keeps_users_with_too_few_in_train()
    {
        // Users with 2, 3 and 5 interactions, count=2, min-train 1: the user with 2 stays in train.
        var data = Build([.. new[] { 2, 3, 5 }.SelectMany((n, u) => Enumerable.Range(0, n).Select(i => (u, i, (long)i)))]);
        var fold = SplitSpec.Parse("user-holdout:count=2").CreateFold(data, 0, 4);
        Assert.Equal([0, 2, 2], Enumerable.Range(0, 3).Select(u => fold.Test.ByUser.RowLength(u)));
        Assert.Equal(1, fold.UsersKeptInTrain);
        // LensKit's SampleN sends a user with at most N wholly to test: min-train=0.
        var lenskit = SplitSpec.Parse("user-holdout:count=2:min-train=0").CreateFold(data, 0, 4);
        Assert.Equal([2, 2, 2], Enumerable.Range(0, 3).Select(u => lenskit.Test.ByUser.RowLength(u)));
    }

    internal static InteractionData Build(IEnumerable<(int User, int Item, long Time)> rows)
    {
        var list = rows.ToList();
        var b = new InteractionDataBuilder(Ids(list.Max(r => r.User) + 1), Ids(list.Max(r => r.Item) + 1));
        foreach (var (u, i, t) in list)
            b.Add(u, i, 3f, t);
        return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    private static IdMapBuilder Ids(int n)
    {
        var b = new IdMapBuilder();
        for (var k = 0; k < n; k++)
            b.GetOrAdd(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return b;
    }
}
