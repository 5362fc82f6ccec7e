using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary><c>train_implicit</c>: implicit models train on the ratings as interactions while the test keeps its ratings.</summary>
public sealed class TrainImplicitTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _csv;

    public TrainImplicitTests() => _csv = TinyRatings.Write(_temp["ratings.csv"]);

    public void Dispose() => _temp.Dispose();

    private string File(string algorithms) => $"""
        version: 1
        name: mixed
        datasets:
          - name: tiny
            csv:
              path: {_csv}
              columns:
                user: userId
                item: movieId
                value: rating
              kind: explicit
        splits:
          - spec: stratified:0.75:by=item
        algorithms:
        {algorithms}
        metrics: [ndcg@5, rmse]
        evaluation:
          relevance_threshold: 0
          significance: false
        """;

    [Fact]
    public async Task Implicit_and_rating_models_run_side_by_side_on_explicit_data()
    {
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(File("""
              - kind: bias
              - kind: bpr
                train_implicit: true
                options:
                  epochs: 5
            """), "mixed.yaml"));

        var result = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["run"], Jobs = 1 }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Failures);
        var rows = ExperimentResults.Load(plan, new CellStore(_temp["run"])).Tables[0].Rows;
        Assert.True(rows[0].Metrics.Single(m => m.Name == "rmse").Value < 2);
        Assert.True(rows[1].Metrics.Single(m => m.Name == "ndcg@5").Value > 0);
        Assert.True(double.IsNaN(rows[1].Metrics.Single(m => m.Name == "rmse").Value));
    }

    [Fact]
    public void Without_it_an_implicit_model_is_another_cell_and_with_it_a_rating_model_is_an_error()
    {
        var with = ExperimentPlan.Create(ExperimentFile.Parse(File("  - kind: bpr\n    train_implicit: true"), "a.yaml"));
        var without = ExperimentPlan.Create(ExperimentFile.Parse(File("  - kind: bpr"), "b.yaml"));
        Assert.NotEqual(with.Cells[0].Id, without.Cells[0].Id);
        Assert.Contains("\"train_implicit\":true", with.Cells[0].Definition.Json);
        Assert.DoesNotContain("train_implicit", without.Cells[0].Definition.Json);

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentFile.Parse(File("  - kind: bias\n    train_implicit: true"), "c.yaml"));
        Assert.Contains(e.Errors, x => x.ToString().Contains("algorithms[0].train_implicit") && x.ToString().Contains("explicit ratings only"));
    }
}
