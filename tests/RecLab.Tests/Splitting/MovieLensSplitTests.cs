using System.Diagnostics;
using RecLab.Data.Loading;
using RecLab.Splitting;
using RecLab.Tests.Support;

namespace RecLab.Tests.Splitting;

public sealed class MovieLensSplitTests
{
    [Fact]
    public void User_holdout_and_kfold_on_ml_latest_small_have_the_expected_sizes_and_are_fast()
    {
        var data = MovieLensLoader.Load(SharedData.MovieLensSmall()).Interactions;

        // Every user has at least 20 ratings, so each tests round(0.2 n) (halves to even) and keeps the rest.
        var expectedTest = 0;
        for (var u = 0; u < data.UserCount; u++)
            expectedTest += (int)Math.Round(0.2m * data.ByUser.RowLength(u), MidpointRounding.ToEven);
        var holdout = SplitSpec.Parse("user-holdout:0.2").CreateFold(data, 0, 42);
        Assert.Equal(expectedTest, holdout.Test.Count);
        Assert.Equal(data.Count - expectedTest, holdout.Train.Count);
        Assert.Equal(0, holdout.UsersKeptInTrain);
        Assert.Equal(data.ActiveUserCount(), holdout.Test.ActiveUserCount());
        Assert.Equal(data.ActiveUserCount(), holdout.Train.ActiveUserCount());

        // 5 folds of N = 100,836: array_split sizes 20,168 then four of 20,167.
        var kfold = SplitSpec.Parse("kfold:5");
        var sizes = Enumerable.Range(0, 5).Select(f => kfold.CreateFold(data, f, 42).Test.Count).ToList();
        Assert.Equal(data.Count, sizes.Sum());
        Assert.Equal(Enumerable.Range(0, 5).Select(f => data.Count / 5 + (f < data.Count % 5 ? 1 : 0)), sizes);

        foreach (var spec in new[] { "user-holdout:0.2", "kfold:5" })
        {
            var splitter = SplitSpec.Parse(spec);
            var times = new List<double>();
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                splitter.CreateFold(data, run % splitter.FoldCount, 42);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            // The fastest of 7: other tests and builds share the cores, and only the code's own cost is asserted.
            Assert.True(times.Min() < 200, $"{spec}: one fold took at least {times.Min():0.0} ms (fastest of 7)");
        }
    }
}
