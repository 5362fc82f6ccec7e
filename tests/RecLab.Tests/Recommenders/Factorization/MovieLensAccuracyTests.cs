using System.Diagnostics;
using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>The ANCHORS.md bands on ml-latest-small: Surprise's 5-fold protocol with default parameters.</summary>
[Trait("Category", "Slow")]
public sealed class MovieLensAccuracyTests
{
    private static InteractionData Ratings() => DatasetLoader.Load(SharedData.MovieLensSmall()).Interactions;

    private static (double Rmse, double Mae, double FitSeconds) CrossValidate(Func<IRatingPredictor> create, FitContext context)
    {
        var data = Ratings();
        var results = new List<(double, double, double)>();
        foreach (var (train, test) in RatingFolds.KFold(data, 5, seed: 0))
        {
            var model = create();
            var sw = Stopwatch.StartNew();
            model.Fit(new TrainingSet(train), context);
            var fit = sw.Elapsed.TotalSeconds;
            var (rmse, mae) = RatingFolds.Errors(model, test);
            results.Add((rmse, mae, fit));
            TestContext.Current.TestOutputHelper?.WriteLine($"{model.Name} fold {results.Count}: RMSE {rmse:F4} MAE {mae:F4} fit {fit:F2} s");
        }
        var mean = (results.Average(r => r.Item1), results.Average(r => r.Item2), results.Average(r => r.Item3));
        TestContext.Current.TestOutputHelper?.WriteLine($"mean: RMSE {mean.Item1:F4} MAE {mean.Item2:F4} fit {mean.Item3:F2} s per fold");
        return mean;
    }

    [Fact]
    public void Biased_mf_matches_Surprise_SVD_within_the_band()
    {
        var (rmse, _, _) = CrossValidate(() => new BiasedMf(), new FitContext { Seed = 42, MaxThreads = 1 });
        Assert.True(rmse <= 0.8732 + 0.003, $"biased-mf RMSE {rmse:F4} is worse than Surprise's 0.8732 + 0.003");
    }

    [Fact]
    public void Biased_mf_on_a_block_grid_stays_within_the_band()
    {
        var (rmse, _, _) = CrossValidate(() => new BiasedMf(new BiasedMfOptions { Blocks = 4 }), new FitContext { Seed = 42, MaxThreads = 2 });
        Assert.True(rmse <= 0.8732 + 0.003, $"biased-mf (4x4 grid) RMSE {rmse:F4} is worse than Surprise's 0.8732 + 0.003");
    }

    [Fact]
    public void Svdpp_matches_Surprise_SVDpp_within_the_band()
    {
        var (rmse, _, _) = CrossValidate(() => new SvdPlusPlus(), new FitContext { Seed = 42, MaxThreads = 1 });
        Assert.True(rmse <= 0.8602 + 0.003, $"svdpp RMSE {rmse:F4} is worse than Surprise's 0.8602 + 0.003");
    }
}
