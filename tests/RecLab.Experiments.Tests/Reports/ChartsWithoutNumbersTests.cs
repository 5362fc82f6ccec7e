using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reports;

/// <summary>A metric that applies to no algorithm of a table (rmse of ranking-only models) draws no bars rather than crash the run.</summary>
public sealed class ChartsWithoutNumbersTests
{
    [Fact]
    public async Task A_metric_without_a_value_in_a_table_is_left_out_of_the_bars()
    {
        using var temp = new TempFolder();
        var csv = TinyRatings.Write(temp["ratings.csv"], users: 24, items: 16);
        // Plotly.NET's Chart.Combine threw on the empty group of rmse ("The input sequence was empty"), failing the whole run.
        var yaml = Yaml.Small(csv).Replace("metrics: [ndcg@5, precision@5, coverage@5]", "metrics: [rmse, ndcg@5]\nreport:\n  charts: [metric-bars, fit-cost, per-user-distribution, metric-at-k, grid-search]").Replace("repeats: 2", "repeats: 1");
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(yaml, "test.yaml", null));

        var result = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp["out"], Jobs = 1 }, TestContext.Current.CancellationToken);

        Assert.True(result.ReportWritten);
        var page = File.ReadAllText(temp["out/report.html"]);
        Assert.Contains("ndcg@5", page);
        // Left out with a reason, as the report does for every chart it cannot draw.
        Assert.Contains("rmse has no value for any algorithm of tiny", page);
    }
}
