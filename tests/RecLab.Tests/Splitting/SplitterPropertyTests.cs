using FsCheck;
using FsCheck.Fluent;
using RecLab.Data;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

/// <summary>Properties every splitter must have, checked on random small data (empty data and one-row users included).</summary>
public sealed class SplitterPropertyTests
{
    /// <summary>Every kind and most options, with the fold count each must report.</summary>
    public static readonly (string Spec, int Folds)[] Specs =
    [
        ("holdout:0.3", 1), ("kfold:3", 3), ("user-holdout:0.3", 1), ("user-holdout:count=2:order=time", 1),
        ("user-holdout:0.5:rounding=up:min-train=0", 1), ("item-holdout:0.5", 1), ("item-holdout:count=1:folds=2", 2),
        ("user-kfold:3:fraction=0.5", 3), ("user-kfold:2:count=1:min-train=0:order=time", 2), ("user-temporal:0.4", 1),
        ("stratified:0.75", 1), ("stratified:0.6:by=item:order=time", 1), ("leave-last-out", 1), ("leave-one-out:random:min=3", 1),
        ("temporal:0.7", 1), ("temporal:0.5:of=time-range", 1), ("temporal:time=10", 1), ("cold-users:0.4", 1),
        ("cold-users:folds=3:onboard=1", 3), ("cold-users:0.5:onboard=2:onboard-order=random", 1), ("cold-items:0.3:onboard=2", 1),
        ("cold-items:folds=2", 2),
    ];

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(20_261_107, 0x9E3779B97F4A7C15);

    private static IEnumerable<Fold> AllFolds(ISplitter splitter, InteractionData data, ulong seed) =>
        Enumerable.Range(0, splitter.FoldCount).Select(f => splitter.CreateFold(data, f, seed));

    [Fact]
    public void Every_fold_is_disjoint_and_together_complete()
    {
        foreach (var (spec, _) in Specs)
        {
            var splitter = SplitSpec.Parse(spec);
            Check.One(Quick, Prop.ForAll(SplitData.Small(), data =>
            {
                var input = SplitData.Rows(data);
                foreach (var fold in AllFolds(splitter, data, 7))
                {
                    // Disjoint and complete at once: the parts' multisets add up to the input's exactly.
                    var parts = SplitData.Rows(fold.Train).Concat(SplitData.Rows(fold.Test));
                    if (fold.Onboarding is { } onboarding)
                        parts = parts.Concat(SplitData.Rows(onboarding));
                    var union = parts.ToList();
                    union.Sort();
                    Assert.True(input.SequenceEqual(union), $"{spec} fold {fold.Index}: parts do not add up to the input");
                    Assert.Same(data.Users, fold.Train.Users);
                    Assert.Same(data.Items, fold.Test.Items);
                }
            }));
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_fold_whatever_the_order_folds_are_built_in()
    {
        foreach (var (spec, _) in Specs)
        {
            var splitter = SplitSpec.Parse(spec);
            Check.One(Quick.WithMaxTest(60), Prop.ForAll(SplitData.Small(), data =>
            {
                var forward = AllFolds(splitter, data, 3).ToList();
                var backward = Enumerable.Range(0, splitter.FoldCount).Reverse()
                    .Select(f => SplitSpec.Parse(spec).CreateFold(data, f, 3)).Reverse().ToList();
                for (var f = 0; f < forward.Count; f++)
                {
                    Assert.Equal(SplitData.Rows(forward[f].Train), SplitData.Rows(backward[f].Train));
                    Assert.Equal(SplitData.Rows(forward[f].Test), SplitData.Rows(backward[f].Test));
                    Assert.Equal(forward[f].UsersKeptInTrain, backward[f].UsersKeptInTrain);
                    Assert.Equal(forward[f].Warnings, backward[f].Warnings);
                }
            }));
        }
    }

    [Fact]
    public void Fold_count_is_as_specified_and_other_indices_are_rejected()
    {
        var data = SplitData.Medium();
        foreach (var (spec, folds) in Specs)
        {
            var splitter = SplitSpec.Parse(spec);
            Assert.Equal(folds, splitter.FoldCount);
            Assert.Throws<ArgumentOutOfRangeException>(() => splitter.CreateFold(data, folds, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => splitter.CreateFold(data, -1, 1));
        }
    }

    [Fact]
    public void Different_seeds_give_different_splits_unless_the_split_is_ordered_by_time()
    {
        var data = SplitData.Medium();
        foreach (var (spec, _) in Specs)
        {
            var splitter = SplitSpec.Parse(spec);
            var a = SplitData.Rows(splitter.CreateFold(data, 0, 1).Test);
            var b = SplitData.Rows(splitter.CreateFold(data, 0, 2).Test);
            var deterministic = spec.StartsWith("temporal", StringComparison.Ordinal) || spec is "leave-last-out" or "user-temporal:0.4"
                or "user-holdout:count=2:order=time" or "stratified:0.6:by=item:order=time";
            if (deterministic)
                Assert.True(a.SequenceEqual(b), $"{spec} depends on the seed");
            else
                Assert.False(a.SequenceEqual(b), $"{spec} ignores the seed");
        }
    }

    [Fact]
    public void Splits_that_need_timestamps_say_so_and_the_others_work_without()
    {
        var data = SplitData.Build(5, 6, [.. Enumerable.Range(0, 40).Select(k => k * 7919)], timestamps: false);
        Assert.False(data.HasTimestamps);
        foreach (var (spec, _) in Specs)
        {
            var splitter = SplitSpec.Parse(spec);
            var needsTime = spec.Contains("time") || spec.StartsWith("temporal", StringComparison.Ordinal) || spec is "leave-last-out"
                or "user-temporal:0.4" or "cold-users:folds=3:onboard=1" or "cold-items:0.3:onboard=2";
            if (needsTime)
            {
                var e = Assert.Throws<ArgumentException>(() => splitter.CreateFold(data, 0, 1));
                Assert.Contains("no timestamps", e.Message);
            }
            else
                Assert.Equal(data.Count, splitter.CreateFold(data, 0, 1).Train.Count + splitter.CreateFold(data, 0, 1).Test.Count +
                    (splitter.CreateFold(data, 0, 1).Onboarding?.Count ?? 0));
        }
    }

    [Fact]
    public void Empty_data_gives_empty_folds_with_a_warning()
    {
        var empty = SplitData.Build(3, 3, []);
        foreach (var (spec, _) in Specs)
        {
            var fold = SplitSpec.Parse(spec).CreateFold(empty, 0, 1);
            Assert.Equal(0, fold.Train.Count + fold.Test.Count);
            Assert.Contains(fold.Warnings, w => w.Contains("test set is empty"));
        }
    }
}
