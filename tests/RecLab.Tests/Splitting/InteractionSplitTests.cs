using FsCheck;
using FsCheck.Fluent;
using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

public sealed class InteractionSplitTests
{
    [Fact]
    public void Kfold_test_sets_partition_the_data_with_balanced_sizes()
    {
        foreach (var k in new[] { 2, 3, 5 })
        {
            var splitter = SplitSpec.Parse($"kfold:{k}");
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(12, 1), Prop.ForAll(SplitData.Small(), data =>
            {
                var tests = Enumerable.Range(0, k).Select(f => SplitData.Rows(splitter.CreateFold(data, f, 4).Test)).ToList();
                var union = tests.SelectMany(t => t).ToList();
                union.Sort();
                Assert.Equal(SplitData.Rows(data), union);
                // array_split sizes: the first N mod k folds hold one more.
                for (var f = 0; f < k; f++)
                    Assert.Equal(data.Count / k + (f < data.Count % k ? 1 : 0), tests[f].Count);
            }));
        }
    }

    [Fact]
    public void Holdout_tests_the_rounded_share()
    {
        var data = SplitData.Medium();
        var fold = SplitSpec.Parse("holdout:0.25").CreateFold(data, 0, 1);
        Assert.Equal((int)Math.Round(data.Count * 0.25, MidpointRounding.ToEven), fold.Test.Count);
        Assert.Equal(0, fold.UsersKeptInTrain);
        Assert.Empty(fold.Warnings);
    }
}
