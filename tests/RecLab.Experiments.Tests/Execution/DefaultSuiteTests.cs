using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>The README's main command: the default suite on the synthetic world, end to end.</summary>
public sealed class DefaultSuiteTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_default_suite_runs_every_cell_and_ranks_models_above_random()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(SharedData.RepoRoot, "experiments.yaml");
        var plan = ExperimentPlan.Create(ExperimentFile.Load(path));

        var result = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp.Path }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Failures);
        Assert.Equal(plan.Cells.Count, result.Succeeded);
        var results = ExperimentResults.Load(plan, new CellStore(temp.Path));
        foreach (var table in results.Tables)
        {
            double Ndcg(string configuration) => table.Rows.Single(r => r.Configuration == configuration).Metrics.Single(m => m.Name == "ndcg@10").Value;
            Assert.All(table.Rows.Where(r => r.Algorithm != "random"), r => Assert.True(Ndcg(r.Configuration) > 5 * Ndcg("random"), $"{table.Split}: {r.Configuration}"));
            Assert.True(Ndcg("als") > Ndcg("popular"), $"{table.Split}: ALS beats popularity");
        }
        // The A/B test at the end, with its campaign: ROAS is compared between the arms.
        Assert.Empty(result.AbTestFailures);
        Assert.Contains("| roas | als |", File.ReadAllText(temp["summary.md"]));
        // Calibrated economics: every arm returns 2 to 10 dollars per ad dollar, as e-commerce campaigns do (the calibration
        // table's sources), not the hundreds a world with a tenfold funnel gave.
        var roas = File.ReadLines(temp["ab/popular-vs-als/summary.csv"]).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "roas").ToList();
        Assert.Equal(2, roas.Count);
        Assert.All(roas, f => Assert.InRange(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), 2.0, 10.0));
    }
}
