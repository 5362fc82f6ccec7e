using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reproduction;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// The reproduction suites of experiments/reproduce on ml-latest-small, run by the runner as a user would run them,
/// each figure checked against the band of ANCHORS.md encoded in experiments/reproduce/expected.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConformanceTests
{
    [Theory]
    [InlineData("surprise-benchmark.yaml", "surprise-ml-latest-small.csv")]
    [InlineData("implicit-ranking.yaml", "implicit-ranking-ml-latest-small.csv")]
    public async Task The_suite_on_ml_latest_small_falls_inside_the_reference_bands(string suite, string expected)
    {
        var data = SharedData.MovieLensSmall();
        var folder = Path.Combine(SharedData.RepoRoot, "experiments", "reproduce");
        using var temp = new TempFolder();
        var plan = ExperimentPlan.Create(ExperimentFile.Load(Path.Combine(folder, suite), [$"datasets[ml].source={data}"]));

        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp.Path }, TestContext.Current.CancellationToken);

        Assert.Empty(run.Failures);
        var check = ReferenceCheck.Compare(ExperimentResults.Load(plan, new CellStore(temp.Path)), ReferenceFigures.Load(Path.Combine(folder, "expected", expected)));
        TestContext.Current.TestOutputHelper?.WriteLine(check.ToMarkdown());
        TestContext.Current.TestOutputHelper?.WriteLine(File.ReadAllText(temp["timings.md"]));
        Assert.True(check.Passed, $"{check.Rows.Count(r => !r.Passed)} figures outside their bands:\n{check.ToMarkdown()}");
    }
}
