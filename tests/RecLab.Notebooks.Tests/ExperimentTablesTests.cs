using RecLab.Charts;
using RecLab.Charts.Tests.Support;
using RecLab.Evaluation;
using ExperimentTable = RecLab.Experiments.Results.ResultTable;
using ExperimentRow = RecLab.Experiments.Results.ResultRow;

namespace RecLab.Notebooks.Tests;

/// <summary><see cref="ResultTable"/> and <see cref="ResultChart"/> over an experiment's result table.</summary>
public sealed class ExperimentTablesTests
{
    private static ExperimentRow Row(string configuration, double ndcg, double fitSeconds) => new()
    {
        Configuration = configuration,
        Algorithm = configuration.Split(' ')[0],
        Kind = "kind",
        Parameters = "",
        Cells = 2,
        Succeeded = 2,
        Metrics = [new MetricResult { Name = "ndcg@10", Value = ndcg, CiLow = ndcg - 0.01, CiHigh = ndcg + 0.01, HigherIsBetter = true }],
        FitSeconds = fitSeconds,
        EvaluationSeconds = 0,
        PeakWorkingSetBytes = 0,
    };

    private static readonly ExperimentTable Table = new()
    {
        Dataset = "ml",
        Split = "holdout",
        Rows = [Row("popular", 0.19, 0.5), Row("item-knn neighbors=20", 0.27, 8)],
        Comparisons = [],
    };

    [Fact]
    public void Metrics_has_a_row_per_configuration_with_the_best_value_in_bold()
    {
        var html = ResultTable.Metrics(Table);

        Assert.Equal("ml, holdout", html.Caption);
        Assert.Equal(["algorithm", "ndcg@10", "fit (s)"], html.Columns);
        Assert.Equal(["item-knn neighbors=20", "0.2700", "8.00"], html.Rows[1].Select(c => c.Text));
        Assert.True(html.Rows[1][1].Strong);
        Assert.False(html.Rows[0][1].Strong);
    }

    [Fact]
    public void Metric_bars_show_each_configuration_with_its_interval()
    {
        var chart = ResultChart.MetricBars(Table, "ndcg@10");

        var bar = Assert.Single(JsonAssert.Parse(chart)["data"]!.AsArray())!;
        Assert.Equal("bar", (string?)bar["type"]);
        Assert.Equal(["popular", "item-knn neighbors=20"], bar["x"]!.AsArray().Select(x => (string?)x));
        Assert.Equal([0.19, 0.27], bar["y"]!.AsArray().Select(y => (double)y!));
        Assert.NotNull(bar["error_y"]);
    }

    [Fact]
    public void Grid_heatmap_places_each_configuration_by_its_two_grid_options()
    {
        static ExperimentRow Point(string parameters, double ndcg) => Row("knn", ndcg, 1) with { Parameters = parameters };
        var table = Table with
        {
            Rows = [Row("popular", 0.19, 0.5), Point("neighbors=10 weighting=cosine", 0.1), Point("neighbors=50 weighting=cosine", 0.2),
                    Point("neighbors=10 weighting=bm25", 0.3)],
        };

        var chart = JsonAssert.Parse(ResultChart.GridHeatmap(table, "knn", "ndcg@10", "neighbors", "weighting"));

        var heatmap = Assert.Single(chart["data"]!.AsArray())!;
        Assert.Equal("heatmap", (string?)heatmap["type"]);
        Assert.Equal(["10", "50"], heatmap["x"]!.AsArray().Select(x => (string?)x));
        Assert.Equal(["cosine", "bm25"], heatmap["y"]!.AsArray().Select(y => (string?)y));
        Assert.Equal([0.1, 0.2], heatmap["z"]![0]!.AsArray().Select(z => (double)z!));
        Assert.Equal(0.3, (double)heatmap["z"]![1]![0]!);
        Assert.Null(heatmap["z"]![1]![1]);
        Assert.Equal("knn: ndcg@10 over neighbors \u00d7 weighting", (string?)chart["layout"]!["title"]!["text"]);
        Assert.Throws<ArgumentException>(() => ResultChart.GridHeatmap(table, "popular", "ndcg@10", "neighbors", "weighting"));
    }
}
