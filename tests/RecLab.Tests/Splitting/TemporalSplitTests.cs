using FsCheck;
using FsCheck.Fluent;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

public sealed class TemporalSplitTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(77, 5);

    [Fact]
    public void Fraction_of_interactions_trains_on_the_earliest_and_breaks_ties_by_canonical_order()
    {
        // Times 1, 2, 2, 3 (rows: user 0 items 0,1; user 1 items 0,1). temporal:0.5 -> 2 train rows: time 1, then
        // the time-2 row that comes first canonically (user 0, item 1).
        var data = GroupHoldoutTests.Build([(0, 0, 1), (0, 1, 2), (1, 0, 2), (1, 1, 3)]);
        var fold = SplitSpec.Parse("temporal:0.5").CreateFold(data, 0, 1);
        Assert.Equal([(0, 0), (0, 1)], SplitData.Pairs(fold.Train).Order());
        Assert.Equal([(1, 0), (1, 1)], SplitData.Pairs(fold.Test).Order());
    }

    [Fact]
    public void Time_range_and_date_cuts_by_hand()
    {
        // Times 0, 4, 6, 10: half the range is 5, so 0 and 4 train.
        var data = GroupHoldoutTests.Build([(0, 0, 0), (0, 1, 10), (1, 0, 4), (1, 1, 6)]);
        var range = SplitSpec.Parse("temporal:0.5:of=time-range").CreateFold(data, 0, 1);
        Assert.Equal([(0, 0), (1, 0)], SplitData.Pairs(range.Train).Order());

        // 2015-01-01T00:00:00Z is 1420070400; a rating exactly at the cut is tested.
        var day = 1_420_070_400L;
        var dated = GroupHoldoutTests.Build([(0, 0, day - 1), (0, 1, day), (1, 0, day + 86_400)]);
        var fold = SplitSpec.Parse("temporal:date=2015-01-01").CreateFold(dated, 0, 1);
        Assert.Equal([(0, 0)], SplitData.Pairs(fold.Train));
        Assert.Equal(2, fold.Test.Count);
        // User 1 appears only after the cut: the fold says so.
        Assert.Contains(fold.Warnings, w => w.Contains("1 of 2 test users have no training interactions"));
        Assert.Equal(fold.Test.Count, SplitSpec.Parse($"temporal:time={day}").CreateFold(dated, 0, 1).Test.Count);
    }

    [Fact]
    public void Every_training_interaction_precedes_every_test_interaction()
    {
        foreach (var spec in new[] { "temporal:0.7", "temporal:0.3", "temporal:0.5:of=time-range", "temporal:time=12" })
        {
            var splitter = SplitSpec.Parse(spec);
            Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
            {
                var fold = splitter.CreateFold(data, 0, 1);
                var train = SplitData.Timed(fold.Train);
                var test = SplitData.Timed(fold.Test);
                if (train.Count == 0 || test.Count == 0)
                    return;
                if (spec == "temporal:0.7" || spec == "temporal:0.3")
                {
                    // Exact decimal share, halves to even (0.7 x 45 = 31.5 -> 32; in doubles it would be 31.499...);
                    // ties at the cut are ordered by (user, item).
                    Assert.Equal((int)Math.Round(data.Count * (spec == "temporal:0.7" ? 0.7m : 0.3m), MidpointRounding.ToEven), train.Count);
                    Assert.True(train.Max(r => (r.Time, r.User, r.Item)).CompareTo(test.Min(r => (r.Time, r.User, r.Item))) < 0);
                }
                else
                    Assert.True(train.Max(r => r.Time) < test.Min(r => r.Time), $"{spec}: a training interaction is not earlier than the test ones");
            }));
        }
    }

    [Fact]
    public void Date_and_fraction_cannot_be_combined()
    {
        Assert.Throws<ArgumentException>(() => SplitSpec.Parse("temporal:0.8:date=2015-01-01"));
        Assert.Throws<ArgumentException>(() => SplitSpec.Parse("temporal:date=2015-01-01:time=5"));
        Assert.Contains("YYYY-MM-DD", Assert.Throws<ArgumentException>(() => SplitSpec.Parse("temporal:date=01/02/2015")).Message);
    }
}
