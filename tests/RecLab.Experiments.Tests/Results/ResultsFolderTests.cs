using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Results;

/// <summary>A results folder belongs to one experimental setup; another is refused unless --fresh.</summary>
public sealed class ResultsFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _csv;

    public ResultsFolderTests() => _csv = TinyRatings.Write(_temp["ratings.csv"], users: 24, items: 16);

    public void Dispose() => _temp.Dispose();

    private ExperimentPlan Plan(params string[] overrides) =>
        ExperimentPlan.Create(ExperimentFile.Parse(Yaml.Small(_csv).Replace("repeats: 2", "repeats: 1"), "test.yaml", overrides));

    private Task<RunResult> Run(ExperimentPlan plan, bool fresh = false) =>
        ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["out"], Jobs = 1, Fresh = fresh }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_run_of_another_seed_is_refused_naming_output_and_fresh_and_changes_nothing()
    {
        await Run(Plan());
        var summary = File.ReadAllBytes(_temp["out/summary.md"]);
        var saved = File.ReadAllText(_temp["out/experiment.yaml"]);

        var e = await Assert.ThrowsAsync<ResultsFolderException>(() => Run(Plan("seed=7")));

        Assert.Equal($"{_temp["out"]} holds the results of another experimental setup (different seed; seed 11 there, 7 here): writing there would " +
            "replace its reports. Give this run its own folder with --output DIR, or pass --fresh to replace them.", e.Message);
        Assert.Equal(summary, File.ReadAllBytes(_temp["out/summary.md"]));
        Assert.Equal(saved, File.ReadAllText(_temp["out/experiment.yaml"]));

        var fresh = await Run(Plan("seed=7"), fresh: true);
        Assert.Empty(fresh.Failures);
        Assert.Contains("seed: 7", File.ReadAllText(_temp["out/experiment.yaml"]));
    }

    [Fact]
    public async Task Other_data_is_another_setup_but_another_algorithm_is_not()
    {
        await Run(Plan());
        var other = TinyRatings.Write(_temp["other.csv"], users: 20, items: 16, seed: 8);

        Assert.Equal($"{_temp["out"]} holds the results of another experimental setup (different datasets; seed 11 there, 11 here)",
            ResultsFolder.Conflict(_temp["out"], Plan($"datasets[0].source={other}")));
        Assert.Null(ResultsFolder.Conflict(_temp["out"], Plan("algorithms[random].kind=item-knn-implicit")));

        // Cells are stored by id: the new algorithm's cells run, the others are reused.
        var again = await Run(Plan("algorithms[random].kind=item-knn-implicit"));
        Assert.Equal(3, again.Succeeded);
        Assert.Equal(9, again.Reused);
    }
}
