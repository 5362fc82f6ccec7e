using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Tests.Reports;

public sealed class ScalingSectionTests : IDisposable
{
    private readonly RecLab.Tests.Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Yaml(string datasets) => $"""
        version: 1
        name: scaling
        seed: 3
        datasets:
        {datasets}
        splits:
          - spec: holdout:0.1
        algorithms:
          - name: pop
            kind: most-popular
          - name: als
            kind: implicit-als
            options: {"{"}factors: 8, iterations: 2{"}"}
        metrics: [ndcg@10]
        evaluation:
          per_user: false
          significance: false
        report:
          charts: [scaling]
        """;

    private async Task<ExperimentResults> Run(string datasets)
    {
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(Yaml(datasets), "scaling.yaml", null));
        var output = _temp["out-" + plan.Config.Datasets.Count];
        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = output, Jobs = 1 }, TestContext.Current.CancellationToken);
        Assert.Empty(run.Failures);
        return ExperimentResults.Load(plan, new CellStore(output));
    }

    [Fact]
    public async Task Fit_time_and_memory_are_drawn_against_the_training_interactions_of_each_dataset()
    {
        var results = await Run("""
              - name: small
                source: synthetic:tiny?users=250
              - name: big
                source: synthetic:tiny
            """);

        Assert.All(results.Records.Values, r => Assert.True(r.TrainInteractions > 0));
        var sizes = results.Records.Values.GroupBy(r => r.Dataset).ToDictionary(g => g.Key, g => g.Select(r => r.TrainInteractions).Distinct().Single());
        Assert.True(sizes["small"] < sizes["big"]);

        var page = HtmlDom.Parse(HtmlReport.Build(results).ToHtml(PlotlyScript.FromFile(HtmlDom.FakePlotly(_temp["plotly"]))));
        var figures = HtmlReportTests.Figures(page).Where(f => HtmlReportTests.Title(f).Contains("against training interactions", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Fit time against training interactions", "Peak memory against training interactions"], figures.Select(HtmlReportTests.Title));
        foreach (var figure in figures)
        {
            var traces = figure["data"]!.AsArray();
            Assert.Equal(["pop", "als"], traces.Select(t => t!["name"]!.GetValue<string>()));
            Assert.All(traces, t => Assert.Equal(new double[] { sizes["small"]!.Value, sizes["big"]!.Value }, t!["x"]!.AsArray().Select(x => x!.GetValue<double>())));
            Assert.Equal("log", figure["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        }
        Assert.Contains("The slope of log time against log size", page.Body!.TextContent);
    }

    [Fact]
    public async Task One_dataset_has_no_curve_and_the_report_says_why()
    {
        var results = await Run("""
              - name: only
                source: synthetic:tiny?users=250
            """);

        var page = HtmlDom.Parse(HtmlReport.Build(results).ToHtml(PlotlyScript.FromFile(HtmlDom.FakePlotly(_temp["plotly"]))));
        Assert.DoesNotContain(HtmlReportTests.Figures(page), f => HtmlReportTests.Title(f).Contains("training interactions", StringComparison.Ordinal));
        Assert.Contains("no algorithm was fitted on two or more datasets", page.Body!.TextContent);
    }
}
