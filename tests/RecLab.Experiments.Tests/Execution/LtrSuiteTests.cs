using System.Globalization;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>
/// experiments/ltr.yaml as a user runs it (ml-latest-small named through a dataset cache): on both datasets the
/// two-stage ranker's nDCG@10 is above its best single generator's, significantly after Holm's adjustment, and the fit
/// times of ltr and its generators are printed side by side.
/// </summary>
public sealed class LtrSuiteTests
{
    private static readonly string[] Generators = ["als", "item-knn", "popular", "content"];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Ltr_beats_its_best_generator_significantly_on_both_datasets()
    {
        var cache = SharedData.Cache();
        using var temp = new TempFolder();
        var config = ExperimentFile.Load(Path.Combine(SharedData.RepoRoot, "experiments", "ltr.yaml"), [], cache: cache);
        var plan = ExperimentPlan.Create(config);
        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp.Path, Data = cache, Jobs = 1 }, TestContext.Current.CancellationToken);
        Assert.Empty(run.Failures);
        var results = ExperimentResults.Load(plan, new CellStore(temp.Path));
        var inv = CultureInfo.InvariantCulture;
        var output = TestContext.Current.TestOutputHelper;
        foreach (var dataset in new[] { "ml", "synthetic" })
        {
            var table = results.Tables.Single(t => t.Dataset == dataset);
            double Ndcg(string configuration) => table.Rows.Single(r => r.Configuration == configuration).Metrics.Single(m => m.Name == "ndcg@10").Value;
            output?.WriteLine($"{dataset}: | algorithm | ndcg@10 | fit s | Holm-adjusted p against ltr |");
            foreach (var row in table.Rows)
            {
                var test = table.Comparisons.SingleOrDefault(c => c.Metric == "ndcg@10" && c.A == row.Configuration && c.B == "ltr");
                output?.WriteLine(string.Create(inv, $"| {row.Configuration} | {Ndcg(row.Configuration):F4} | {row.FitSeconds:F1} | {test?.TTest.AdjustedPValue:G3} |"));
            }
            var best = Generators.MaxBy(Ndcg)!;
            Assert.True(Ndcg("ltr") > Ndcg(best), $"{dataset}: ltr {Ndcg("ltr"):F4}, best generator {best} {Ndcg(best):F4}");
            var comparison = table.Comparisons.Single(c => c.Metric == "ndcg@10" && c.A == best && c.B == "ltr");
            Assert.True(comparison.MeanDifference < 0 && comparison.TTest.AdjustedPValue < 0.05,
                $"{dataset}: {best} − ltr = {comparison.MeanDifference:F4}, Holm-adjusted p = {comparison.TTest.AdjustedPValue:G3}");
        }
        var summary = File.ReadAllText(temp["summary.md"]);
        Assert.Contains("ltr (baseline)", summary);
    }
}
