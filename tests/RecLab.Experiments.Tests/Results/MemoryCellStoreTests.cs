using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Results;

/// <summary>The runner with its cells in memory (what <c>reclab eval</c> uses) against the same run into a folder.</summary>
public sealed class MemoryCellStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ExperimentPlan _plan;

    public MemoryCellStoreTests()
    {
        var csv = TinyRatings.Write(_temp["ratings.csv"]);
        _plan = ExperimentPlan.Create(ExperimentFile.Parse(Yaml.Small(csv), "test.yaml"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_in_memory_gives_the_bytes_of_the_run_into_a_folder_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await ExperimentRunner.RunAsync(_plan, new RunOptions { OutputDirectory = _temp["disk"], Jobs = 2 }, ct);
        var store = new MemoryCellStore();
        var before = Directory.GetFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var result = await ExperimentRunner.RunAsync(_plan, new RunOptions { OutputDirectory = _temp["memory"], Jobs = 1, ThreadsPerCell = 1, Store = store }, ct);

        Assert.Equal(_plan.Cells.Count, result.Succeeded);
        Assert.False(result.ReportWritten);
        Assert.Equal("", result.OutputDirectory);
        Assert.Equal(before, Directory.GetFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        var memory = ExperimentResults.Load(_plan, store);
        using var csv = new MemoryStream();
        new ResultsCsvWriter().Write(memory, csv);
        Assert.Equal(File.ReadAllBytes(_temp["disk/results.csv"]), csv.ToArray());
        Assert.Equal(File.ReadAllText(_temp["disk/summary.md"]), SummaryWriter.Render(memory));
        // The comparisons come from the per-user values kept beside the records: the paired tests need them.
        Assert.NotEmpty(memory.ComparisonRows());
        Assert.Equal(ExperimentResults.Load(_plan, new CellStore(_temp["disk"])).ComparisonRows(), memory.ComparisonRows());
        Assert.Throws<InvalidOperationException>(() => memory.Folder);
    }

    [Fact]
    public async Task A_memory_store_refuses_a_plan_with_ab_tests_before_running_anything()
    {
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "experiments.yaml"));
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(yaml, "experiments.yaml"));
        Assert.NotEmpty(plan.AbTests);
        var store = new MemoryCellStore();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            ExperimentRunner.RunAsync(plan, new RunOptions { Store = store }, TestContext.Current.CancellationToken));

        Assert.Contains("A/B tests write their outputs into a results folder", error.Message);
        Assert.All(plan.Cells, c => Assert.Null(store.TryLoad(c.Id)));
    }
}
