using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>What a dry run estimates from, and what it says it has no basis for.</summary>
public sealed class DryRunTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _csv;

    public DryRunTests() => _csv = TinyRatings.Write(_temp["ratings.csv"], users: 24, items: 16);

    public void Dispose() => _temp.Dispose();

    private ExperimentPlan Plan(params string[] overrides) =>
        ExperimentPlan.Create(ExperimentFile.Parse(Yaml.Small(_csv).Replace("repeats: 2", "repeats: 1"), "test.yaml", overrides));

    private DryRunReport Describe(ExperimentPlan plan) => DryRun.Describe(plan, new RunOptions { OutputDirectory = _temp["out"], Jobs = 2 });

    [Fact]
    public async Task Finished_cells_count_as_done_and_estimate_only_cells_of_the_same_data_and_algorithm()
    {
        var before = Describe(Plan());
        Assert.Equal((12, 12), (before.ToRun, before.CellsWithoutEstimate));

        await ExperimentRunner.RunAsync(Plan(), new RunOptions { OutputDirectory = _temp["out"], Jobs = 1 }, TestContext.Current.CancellationToken);
        var done = Describe(Plan());
        Assert.Equal((0, 0, 0.0), (done.ToRun, done.CellsWithoutEstimate, done.EstimatedWallSeconds));

        // A new grid point of a kind already timed on this data: estimated from those cells.
        var grid = Describe(Plan("algorithms[pop-damped].grid.damping[1]=20"));
        Assert.Equal((3, 0), (grid.ToRun, grid.CellsWithoutEstimate));
        Assert.All(grid.Rows.Where(r => r.Status == "pending"), r => Assert.NotNull(r.EstimatedSeconds));

        // The same dataset name over other data (a --set of the source): no basis, whatever the old timings were.
        var other = TinyRatings.Write(_temp["other.csv"], users: 200, items: 100, seed: 9);
        var swapped = Describe(Plan($"datasets[0].source={other}"));
        Assert.Equal((12, 12), (swapped.ToRun, swapped.CellsWithoutEstimate));
        Assert.StartsWith($"{_temp["out"]} holds the results of another experimental setup (different datasets;", swapped.FolderConflict);
    }

    [Fact]
    public async Task Ab_tests_are_listed_pending_done_or_stale_with_an_estimate_from_a_test_on_the_same_world()
    {
        ExperimentPlan Ab(params string[] overrides) => ExperimentPlan.Create(ExperimentFile.Parse(AbTestRunTests.Yaml, "ab.yaml", overrides));
        var pending = Describe(Ab()).AbTests.Single();
        Assert.Equal(("pending", null), (pending.Status, pending.EstimatedSeconds));

        await ExperimentRunner.RunAsync(Ab(), new RunOptions { OutputDirectory = _temp["out"], Jobs = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal("done", Describe(Ab()).AbTests.Single().Status);

        // Twice the days simulated (3 + 2 → 8 + 2): the stored run's seconds scaled by the days.
        var longer = Describe(Ab("ab_tests[0].days=8")).AbTests.Single();
        var seconds = AbTestOutputs.Seconds(_temp["out"], "pop-vs-knn")!.Value;
        Assert.Equal("stale", longer.Status);
        Assert.Equal(seconds * 10 / 5, longer.EstimatedSeconds!.Value, 9);
        // Another world: no basis.
        Assert.Null(Describe(Ab("ab_tests[0].world=small")).AbTests.Single().EstimatedSeconds);
    }
}
