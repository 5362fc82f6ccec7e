using FsCheck;
using FsCheck.Fluent;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

public sealed class ColdStartSplitTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(31, 7);

    [Fact]
    public void Held_out_users_and_items_are_really_cold_and_onboarding_holds_exactly_n_each()
    {
        foreach (var spec in new[] { "cold-users:0.4", "cold-users:folds=3:onboard=1", "cold-users:0.5:onboard=2:onboard-order=random",
                     "cold-items:0.3:onboard=2", "cold-items:folds=2" })
        {
            var splitter = (ColdStartSplit)SplitSpec.Parse(spec);
            var by = splitter.Options.By;
            var n = splitter.Options.Onboard;
            Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
            {
                for (var f = 0; f < splitter.FoldCount; f++)
                {
                    var fold = splitter.CreateFold(data, f, 2);
                    var cold = SplitData.Active(fold.Test, by);
                    foreach (var g in cold)
                        Assert.True(SplitData.CountOf(fold.Train, by, g) == 0, $"{spec}: held-out {by} {g} has training rows");
                    if (n == 0)
                        Assert.Null(fold.Onboarding);
                    else
                    {
                        var onboarded = SplitData.Active(fold.Onboarding!, by);
                        Assert.True(onboarded.SetEquals(cold), $"{spec}: onboarding and test {by}s differ");
                        Assert.All(onboarded, g => Assert.Equal(n, SplitData.CountOf(fold.Onboarding!, by, g)));
                    }
                    // Groups with at most N interactions cannot be held out and are counted instead.
                    var tooFew = SplitData.Active(data, by).Count(g => SplitData.CountOf(data, by, g) <= n);
                    Assert.Equal(tooFew, by == GroupBy.User ? fold.UsersKeptInTrain : fold.ItemsKeptInTrain);
                }
            }));
        }
    }

    [Fact]
    public void Folds_over_users_partition_the_eligible_users()
    {
        var splitter = SplitSpec.Parse("cold-users:folds=3:onboard=1");
        Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
        {
            var tested = Enumerable.Range(0, 3).Select(f => SplitData.Active(splitter.CreateFold(data, f, 8).Test, GroupBy.User)).ToList();
            var all = tested.SelectMany(t => t).ToList();
            var eligible = SplitData.Active(data, GroupBy.User).Where(u => data.ByUser.RowLength(u) > 1).ToHashSet();
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.True(eligible.SetEquals(all));
            // Fold sizes differ by at most one.
            Assert.True(tested.Max(t => t.Count) - tested.Min(t => t.Count) <= 1);
        }));
    }

    [Fact]
    public void Onboarding_takes_the_earliest_interactions_by_default()
    {
        // One user with items at times 9, 1, 5, 3 and another user to keep train non-empty.
        var data = GroupHoldoutTests.Build([(0, 0, 9), (0, 1, 1), (0, 2, 5), (0, 3, 3), (1, 0, 2), (1, 1, 2)]);
        var splitter = new ColdStartSplit(new ColdStartOptions { Groups = Partition.OfFolds(2), Onboard = 2 });
        var fold = Enumerable.Range(0, 2).Select(f => splitter.CreateFold(data, f, 1)).Single(f => f.Test.ByUser.RowLength(0) > 0);
        Assert.Equal([(0, 1), (0, 3)], SplitData.Pairs(fold.Onboarding!).Order());
        Assert.Equal([(0, 0), (0, 2)], SplitData.Pairs(fold.Test).Order());
    }

    [Fact]
    public void Cold_items_onboard_their_first_raters()
    {
        // Item 0 rated by users 0..3 at times 4, 3, 2, 1: its first two raters are users 3 and 2.
        var data = GroupHoldoutTests.Build([(0, 0, 4), (1, 0, 3), (2, 0, 2), (3, 0, 1), (0, 1, 1), (1, 1, 1), (2, 1, 1)]);
        var splitter = new ColdStartSplit(new ColdStartOptions { By = GroupBy.Item, Groups = Partition.OfFolds(2), Onboard = 2 });
        var fold = Enumerable.Range(0, 2).Select(f => splitter.CreateFold(data, f, 1)).Single(f => f.Test.ByItem.RowLength(0) > 0);
        Assert.Equal([(2, 0), (3, 0)], SplitData.Pairs(fold.Onboarding!).Order());
        Assert.Equal([(0, 0), (1, 0)], SplitData.Pairs(fold.Test).Order());
    }
}
