using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Recommenders;

namespace RecLab.Experiments.Tests.Support;

/// <summary>
/// A small experiment that exercises every result chart of the report: two splits, a baseline, a 2-axis grid, a metric
/// at two list lengths, a catalogue metric and per-user values. Run once per test class into a temp folder.
/// </summary>
public sealed class ReportExperiment : IAsyncLifetime
{
    private readonly RecLab.Tests.Support.TempFolder _temp = new();

    /// <summary>The experiment file on <paramref name="source"/>; ratings are made implicit unless the source is implicit already.</summary>
    public static string Yaml(string source, string output, string name = "report", bool ratings = true) => $"""
        version: 1
        name: {name}
        seed: 3
        output: {output}
        datasets:
          - name: tiny
            source: {source}
        {(ratings ? "    preprocessing:\n      implicit: true" : "")}
        splits:
          - name: holdout
            spec: user-holdout:0.25
          - name: cv2
            spec: user-kfold:2
        algorithms:
          - name: pop
            kind: most-popular
          - kind: random
          - name: knn
            kind: item-knn-implicit
            grid:
              neighbors: [5, 20]
              weighting: [cosine, bm25]
        metrics: [ndcg@5, ndcg@10, precision@10, coverage@10]
        evaluation:
          baseline: pop
          bootstrap_resamples: 100
        report:
          charts: [metric-bars, metric-at-k, fit-cost, grid-search, per-user-distribution, popularity]
        """;

    public string Folder => _temp["results/report"];

    public ExperimentPlan Plan { get; private set; } = null!;

    public ExperimentResults Results { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var csv = TinyRatings.Write(_temp["ratings.csv"]);
        Plan = ExperimentPlan.Create(ExperimentFile.Parse(Yaml(csv, _temp["results"]), "report.yaml", null, null));
        var run = await ExperimentRunner.RunAsync(Plan, new RunOptions { Jobs = 2, Registry = RecommenderRegistry.Default }, TestContext.Current.CancellationToken);
        Assert.Empty(run.Failures);
        Results = ExperimentResults.Load(Plan, new CellStore(Folder));
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
