using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>experiments/cold-start.yaml, reduced to what runs in about a minute: its MovieLens cold-user split at 0 and 5 onboarding ratings, popularity against the fitted blend.</summary>
public sealed class ColdStartSuiteTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task With_five_onboarding_ratings_the_blend_beats_popularity_significantly()
    {
        // The suite names ml-latest-small; the tests' cache holds it, as a user's does after `reclab data fetch`.
        var cache = SharedData.Cache();
        using var temp = new TempFolder();
        var path = Path.Combine(SharedData.RepoRoot, "experiments", "cold-start.yaml");
        var config = ExperimentFile.Load(path, cache: cache);
        config = config with
        {
            Datasets = config.Datasets.Where(d => d.Name == "ml").ToList(),
            Splits = config.Splits.Where(s => s.Label == "cold").Select(s => s with { Onboarding = [0, 5] }).ToList(),
            Algorithms = config.Algorithms.Where(a => a.Label is "popular" or "blend").ToList(),
        };
        var plan = ExperimentPlan.Create(config);

        var result = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp.Path, Data = cache }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Failures);
        var results = ExperimentResults.Load(plan, new CellStore(temp.Path));
        var five = results.Tables.Single(t => t.Onboarding == 5);
        double Ndcg(ResultTable table, string configuration) => table.Rows.Single(r => r.Configuration == configuration).Metrics.Single(m => m.Name == "ndcg@10").Value;
        // Without onboarding the blend has only popularity to go on; with 5 ratings its collaborative part takes over.
        Assert.Equal(Ndcg(results.Tables.Single(t => t.Onboarding == 0), "popular"), Ndcg(results.Tables.Single(t => t.Onboarding == 0), "blend"), 3);
        Assert.True(Ndcg(five, "blend") > Ndcg(five, "popular") + 0.02, $"blend {Ndcg(five, "blend"):F4} vs popular {Ndcg(five, "popular"):F4}");
        var test = five.Comparisons.Single(c => c.Metric == "ndcg@10" && c.A == "blend" && c.B == "popular");
        Assert.True(test.TTest.AdjustedPValue < 0.01, $"p = {test.TTest.AdjustedPValue}");
        Assert.Contains("## Cold-start curve: ndcg@10 · ml · cold", File.ReadAllText(temp["summary.md"]));
    }
}
