using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Reimplementation check of surprise-benchmark.yaml's protocol on ml-latest-small: Surprise's
/// <c>KFold(n_splits=5, shuffle=True)</c> and <c>accuracy.rmse</c>/<c>mae</c> averaged over the folds, built here from
/// the raw ratings for the global mean, against the runner's figures for the suite's <c>global-mean</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SurpriseProtocolTests
{
    [Fact]
    public async Task Global_mean_under_five_fold_cross_validation_matches_a_reimplementation()
    {
        var data = MovieLensRatings.Load();
        var rmse = new List<double>();
        var mae = new List<double>();
        for (var seed = 1; seed <= 8; seed++)
        {
            // KFold with shuffle: every rating in exactly one of 5 test folds of sizes n/5 (the first n % 5 one larger).
            var order = MovieLensRatings.Shuffled(Enumerable.Range(0, data.Count), new Random(seed));
            double foldRmse = 0, foldMae = 0;
            for (var f = 0; f < 5; f++)
            {
                var start = f * (data.Count / 5) + Math.Min(f, data.Count % 5);
                var size = data.Count / 5 + (f < data.Count % 5 ? 1 : 0);
                var test = order.Skip(start).Take(size).ToHashSet();
                var mean = Enumerable.Range(0, data.Count).Where(r => !test.Contains(r)).Average(r => data.Ratings[r]);
                foldRmse += Math.Sqrt(test.Average(r => (data.Ratings[r] - mean) * (data.Ratings[r] - mean)));
                foldMae += test.Average(r => Math.Abs(data.Ratings[r] - mean));
            }
            rmse.Add(foldRmse / 5);
            mae.Add(foldMae / 5);
        }

        using var temp = new TempFolder();
        var results = await ReproductionSuite.RunAsync("surprise-benchmark.yaml", temp.Path, ["global-mean"]);

        ReproductionSuite.AssertAgrees(results, "global-mean", "rmse", rmse);
        ReproductionSuite.AssertAgrees(results, "global-mean", "mae", mae);
    }
}
