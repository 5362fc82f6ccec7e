using RecLab.Experiments.Reproduction;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// The reproduction suites of experiments/reproduce on ml-latest-small (named through a dataset cache, as users name
/// it), run by the runner as a user would run them, each figure checked against the band of ANCHORS.md encoded in
/// experiments/reproduce/expected.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConformanceTests
{
    [Theory]
    [InlineData("surprise-benchmark.yaml", "surprise-ml-latest-small.csv")]
    [InlineData("implicit-ranking.yaml", "implicit-ranking-ml-latest-small.csv")]
    public async Task The_suite_on_ml_latest_small_falls_inside_the_reference_bands(string suite, string expected)
    {
        using var temp = new TempFolder();

        var results = await ReproductionSuite.RunAsync(suite, temp.Path);

        var check = ReferenceCheck.Compare(results, ReferenceFigures.Load(Path.Combine(ReproductionSuite.Folder, "expected", expected)));
        TestContext.Current.TestOutputHelper?.WriteLine(check.ToMarkdown());
        TestContext.Current.TestOutputHelper?.WriteLine(File.ReadAllText(temp["timings.md"]));
        Assert.True(check.Passed, $"{check.Rows.Count(r => !r.Passed)} figures outside their bands:\n{check.ToMarkdown()}");
    }
}
