using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Support;

/// <summary>The README's main command, experiments.yaml, run once per test class into a temp folder (about 100 s on 2 cores).</summary>
public sealed class DefaultSuiteRun : IAsyncLifetime
{
    private readonly TempFolder _temp = new();

    public string Folder => _temp.Path;

    public ExperimentPlan Plan { get; private set; } = null!;

    public RunResult Run { get; private set; } = null!;

    public ExperimentResults Results { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Plan = ExperimentPlan.Create(ExperimentFile.Load(Path.Combine(SharedData.RepoRoot, "experiments.yaml")));
        Run = await ExperimentRunner.RunAsync(Plan, new RunOptions { OutputDirectory = _temp.Path }, TestContext.Current.CancellationToken);
        Results = ExperimentResults.Load(Plan, new CellStore(_temp.Path));
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
