using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Splitting;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// The ANCHORS.md band on ml-latest-small (Surprise's 5-fold protocol) for what the reproduction suite does not run:
/// biased MF on a parallel block grid. The default SVD and SVD++ are checked by the conformance suite
/// (RecLab.Experiments.Tests, Reproduction/ConformanceTests, experiments/reproduce/surprise-benchmark.yaml).
/// </summary>
[Trait("Category", "Slow")]
public sealed class MovieLensAccuracyTests
{
    /// <summary>Mean RMSE over the folds of <c>kfold:5</c>, the fit seed 42.</summary>
    internal static double CrossValidatedRmse(Func<IRecommender> create, FitContext context)
    {
        var dataset = DatasetLoader.Load(SharedData.MovieLensSmall());
        var split = SplitSpec.Parse("kfold:5");
        var options = new EvaluationOptions { Metrics = MetricSpec.ParseList("rmse,mae"), MaxThreads = 2, BootstrapResamples = 0 };
        var rmse = new List<double>();
        for (var f = 0; f < split.FoldCount; f++)
        {
            var result = Evaluator.Evaluate(create(), dataset, split.CreateFold(dataset.Interactions, f, 42), options, context);
            rmse.Add(result["rmse"].Value);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{result.Algorithm} fold {f + 1}: RMSE {result["rmse"].Value:F4} MAE {result["mae"].Value:F4} fit {result.FitTime.TotalSeconds:F2} s");
        }
        return rmse.Average();
    }

    [Fact]
    public void Biased_mf_on_a_block_grid_stays_within_the_band()
    {
        var rmse = CrossValidatedRmse(() => new BiasedMf(new BiasedMfOptions { Blocks = 4 }), new FitContext { Seed = 42, MaxThreads = 2 });
        Assert.True(rmse <= 0.8732 + 0.003, $"biased-mf (4x4 grid) RMSE {rmse:F4} is worse than Surprise's 0.8732 + 0.003");
    }

}
