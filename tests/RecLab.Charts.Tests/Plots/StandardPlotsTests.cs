using System.Text.Json.Nodes;
using RecLab.Charts.Plots;
using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests.Plots;

/// <summary>The shape of each standard plot: traces, their types, axis types and the features that carry meaning.</summary>
public sealed class StandardPlotsTests
{
    [Fact]
    public void Metric_bars_group_one_series_per_metric_with_ci_error_bars()
    {
        var json = JsonAssert.Parse(StandardPlots.MetricBars(SampleResults.Estimates()));

        var traces = Traces(json);
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.Equal("bar", (string?)t["type"]));
        Assert.Equal(["nDCG@10", "Recall@10"], traces.Select(t => (string?)t["name"]));
        Assert.Equal(SampleResults.Algorithms, traces[0]["x"]!.AsArray().Select(x => (string?)x));
        // nDCG of ALS: mean 0.20, CI [0.19, 0.212].
        Assert.Equal(0.20, (double)traces[0]["y"]![2]!, 12);
        Assert.Equal(0.012, (double)traces[0]["error_y"]!["array"]![2]!, 12);
        Assert.Equal(0.01, (double)traces[0]["error_y"]!["arrayminus"]![2]!, 12);
        Assert.False((bool)traces[0]["error_y"]!["symmetric"]!);
        Assert.Equal("group", (string?)json["layout"]!["barmode"]);
        Assert.Equal("category", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("tozero", (string?)json["layout"]!["yaxis"]!["rangemode"]);
    }

    [Fact]
    public void Metric_bars_leave_gaps_for_missing_pairs_and_omit_error_bars_without_intervals()
    {
        var json = JsonAssert.Parse(StandardPlots.MetricBars([new MetricEstimate("A", "m", 0.5), new MetricEstimate("B", "n", 0.25)]));

        var traces = Traces(json);
        JsonAssert.Equal("[0.5, null]", traces[0]["y"]!.ToJsonString());
        JsonAssert.Equal("[null, 0.25]", traces[1]["y"]!.ToJsonString());
        Assert.All(traces, t => Assert.Null(t["error_y"]));
    }

    [Fact]
    public void Metric_at_n_is_one_line_per_algorithm_over_n()
    {
        var json = JsonAssert.Parse(StandardPlots.MetricAtN("nDCG", SampleResults.Curves()));

        var traces = Traces(json);
        Assert.Equal(4, traces.Count);
        Assert.All(traces, t =>
        {
            Assert.Equal("scatter", (string?)t["type"]);
            Assert.Equal("lines+markers", (string?)t["mode"]);
            Assert.Equal(50, t["x"]!.AsArray().Count);
            Assert.Equal(1, (int)t["x"]![0]!);
            Assert.Equal(50, (int)t["x"]![49]!);
        });
        Assert.Equal("linear", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("nDCG@N", (string?)json["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Cost_by_size_is_one_log_log_line_per_algorithm()
    {
        var json = JsonAssert.Parse(StandardPlots.CostBySize("Fit time", "interactions", "seconds",
            [new CostCurve("ALS", [1e6, 3e6, 1e7], [3.5, 7.7, 23.4]), new CostCurve("SGD", [1e6, 1e7], [4.1, 30.6])]));

        var traces = Traces(json);
        Assert.Equal(["ALS", "SGD"], traces.Select(t => (string?)t["name"]));
        Assert.All(traces, t => Assert.Equal("lines+markers", (string?)t["mode"]));
        Assert.Equal([1e6, 3e6, 1e7], traces[0]["x"]!.AsArray().Select(x => (double)x!));
        Assert.Equal([4.1, 30.6], traces[1]["y"]!.AsArray().Select(y => (double)y!));
        Assert.Equal("log", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("log", (string?)json["layout"]!["yaxis"]!["type"]);
        var error = Assert.Throws<ArgumentException>(() => StandardPlots.CostBySize("t", "x", "y", [new CostCurve("ALS", [1, 2], [1])]));
        Assert.Contains("ALS", error.Message);
    }

    [Fact]
    public void Metric_at_n_rejects_a_curve_whose_lists_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => StandardPlots.MetricAtN("nDCG", [new MetricCurve("ALS", [1, 2, 3], [0.1, 0.2])]));

        Assert.Contains("ALS", error.Message);
    }

    [Fact]
    public void Precision_recall_puts_recall_on_x_and_links_each_algorithms_list_lengths()
    {
        var json = JsonAssert.Parse(StandardPlots.PrecisionRecall(SampleResults.PrecisionRecall()));

        var traces = Traces(json);
        Assert.Equal(4, traces.Count);
        Assert.All(traces, t => Assert.Equal("lines+markers", (string?)t["mode"]));
        Assert.Equal(["@5", "@10", "@20"], traces[0]["text"]!.AsArray().Select(x => (string?)x));
        Assert.Equal("recall", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
        Assert.Equal("precision", (string?)json["layout"]!["yaxis"]!["title"]!["text"]);

        var single = Traces(JsonAssert.Parse(StandardPlots.PrecisionRecall([new PrecisionRecallPoint("ALS", 10, 0.2, 0.1)])));
        Assert.Equal("markers", (string?)single[0]["mode"]);
    }

    [Fact]
    public void Fit_time_uses_a_log_axis_and_draws_sub_millisecond_fits_at_one_millisecond()
    {
        var json = JsonAssert.Parse(StandardPlots.FitTimeVsAccuracy("nDCG@10", SampleResults.Costs()));

        var traces = Traces(json);
        Assert.Equal(4, traces.Count);
        Assert.All(traces, t => Assert.Equal("markers+text", (string?)t["mode"]));
        Assert.Equal("log", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal(0.001, (double)traces[0]["x"]![0]!);
        Assert.Contains("0.2 ms", (string?)traces[0]["hovertemplate"]);
        Assert.Equal(31.0, (double)traces[3]["x"]![0]!);
    }

    [Fact]
    public void Per_user_distribution_is_one_box_per_algorithm_with_its_mean()
    {
        var json = JsonAssert.Parse(StandardPlots.PerUserDistribution("nDCG@10", SampleResults.PerUser()));

        var traces = Traces(json);
        Assert.Equal(4, traces.Count);
        Assert.All(traces, t =>
        {
            Assert.Equal("box", (string?)t["type"]);
            Assert.True((bool)t["boxmean"]!);
            Assert.Equal(200, t["y"]!.AsArray().Count);
        });
        Assert.Equal("category", (string?)json["layout"]!["xaxis"]!["type"]);
    }

    [Fact]
    public void Popularity_long_tail_is_log_log_rank_against_count_without_zeros()
    {
        var counts = new double[] { 3, 0, 10, 1, 5 };

        var json = JsonAssert.Parse(StandardPlots.PopularityLongTail("toy", counts));

        var trace = Traces(json).Single();
        Assert.Equal("scatter", (string?)trace["type"]);
        JsonAssert.Equal("[1, 2, 3, 4]", trace["x"]!.ToJsonString());
        JsonAssert.Equal("[10, 5, 3, 1]", trace["y"]!.ToJsonString());
        Assert.Equal("log", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("log", (string?)json["layout"]!["yaxis"]!["type"]);
    }

    [Fact]
    public void Long_tails_of_large_catalogues_are_thinned_to_log_spaced_ranks()
    {
        var json = JsonAssert.Parse(StandardPlots.PopularityLongTail("big", SampleResults.ItemCounts(50_000, 0.8)));

        var x = Traces(json).Single()["x"]!.AsArray().Select(v => (int)v!).ToArray();
        Assert.InRange(x.Length, 100, StandardPlots.LongTailPoints + 1);
        Assert.Equal(1, x[0]);
        Assert.Equal(50_000, x[^1]);
        Assert.True(x.Zip(x.Skip(1)).All(p => p.First < p.Second), "ranks strictly increase");
        Assert.Equal(Enumerable.Range(1, 20), x.Take(20));
    }

    [Fact]
    public void Exposure_long_tail_compares_dataset_and_algorithms_as_shares()
    {
        var dataset = new NamedValues("ml-100k", SampleResults.ItemCounts(300, 1.0));
        var recs = new[]
        {
            new NamedValues("Popular", SampleResults.ItemCounts(10, 0.2)),
            new NamedValues("ALS", SampleResults.ItemCounts(200, 1.2)),
        };

        var json = JsonAssert.Parse(StandardPlots.ExposureLongTail(dataset, recs));

        var traces = Traces(json);
        Assert.Equal(["ml-100k (interactions)", "Popular", "ALS"], traces.Select(t => (string?)t["name"]));
        Assert.Equal("dash", (string?)traces[0]["line"]!["dash"]);
        Assert.Equal(10, traces[1]["x"]!.AsArray().Count);
        Assert.All(traces, t => Assert.Equal(1.0, t["y"]!.AsArray().Sum(v => (double)v!), 9));
        Assert.Equal("log", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("log", (string?)json["layout"]!["yaxis"]!["type"]);
    }

    [Fact]
    public void Grid_search_heatmap_has_category_axes_cell_text_and_gaps()
    {
        var json = JsonAssert.Parse(StandardPlots.GridSearchHeatmap(SampleResults.Grid()));

        var trace = Traces(json).Single();
        Assert.Equal("heatmap", (string?)trace["type"]);
        Assert.Equal(3, trace["z"]!.AsArray().Count);
        Assert.Null(trace["z"]![2]![3]);
        Assert.Equal("%{z:.4f}", (string?)trace["texttemplate"]);
        Assert.Equal("category", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("category", (string?)json["layout"]!["yaxis"]!["type"]);
        Assert.Equal("factors", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Grid_search_rejects_a_ragged_grid_naming_the_row()
    {
        var ragged = SampleResults.Grid() with { Values = [[0.1, 0.2, 0.3, 0.4], [0.1, 0.2], [0.1, 0.2, 0.3, 0.4]] };

        var error = Assert.Throws<ArgumentException>(() => StandardPlots.GridSearchHeatmap(ragged));

        Assert.Contains("row 2", error.Message);
        Assert.Contains("regularization = 0.01", error.Message);
    }

    [Fact]
    public void Ab_daily_draws_a_filled_band_under_each_arms_mean_line()
    {
        var json = JsonAssert.Parse(StandardPlots.AbDaily("CTR", SampleResults.Arms()));

        var traces = Traces(json);
        Assert.Equal(6, traces.Count);
        for (var arm = 0; arm < 2; arm++)
        {
            var (lower, upper, mean) = (traces[3 * arm], traces[3 * arm + 1], traces[3 * arm + 2]);
            Assert.Null(lower["fill"]);
            Assert.Equal("tonexty", (string?)upper["fill"]);
            Assert.Equal(0, (double)upper["line"]!["width"]!);
            Assert.False((bool)lower["showlegend"]!);
            Assert.Null(mean["showlegend"]);
            Assert.Equal((string?)mean["name"], (string?)upper["legendgroup"]);
            Assert.Equal(14, mean["x"]!.AsArray().Count);
        }

        Assert.Equal("linear", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal("x unified", (string?)json["layout"]!["hovermode"]);
        // 14 days (0..13): a tick every second day, never at half days.
        Assert.Equal(2, (double)json["layout"]!["xaxis"]!["dtick"]!);
    }

    [Fact]
    public void Ab_p_values_draw_daily_and_always_valid_lines_per_comparison_and_alpha_on_a_log_axis()
    {
        var comparisons = new[]
        {
            new DailyPValues("ctr", [0, 1, 2], [0.2, 0.01, 1e-30], [0.9, 0.3, 1e-12]),
            new DailyPValues("revenue", [0, 1, 2], [0.5, 0.4, 0.04], [1, 1, 0.8]),
        };
        var json = JsonAssert.Parse(StandardPlots.AbPValues(comparisons, 0.05));

        var traces = Traces(json);
        Assert.Equal(["ctr · daily p", "ctr · always-valid p", "revenue · daily p", "revenue · always-valid p", "\u03b1 = 0.05"],
            traces.Select(t => (string)t["name"]!));
        Assert.Equal("solid", (string?)traces[0]["line"]!["dash"]);
        Assert.Equal("dash", (string?)traces[1]["line"]!["dash"]);
        Assert.Equal((string?)traces[0]["line"]!["color"], (string?)traces[1]["line"]!["color"]);
        Assert.Equal([0.05, 0.05], traces[4]["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0, 2], traces[4]["x"]!.AsArray().Select(v => (int)v!));
        var y = json["layout"]!["yaxis"]!;
        Assert.Equal("log", (string?)y["type"]);
        // 30 decades / 8 labels: a label every 5 decades.
        Assert.Equal(5, (double)y["dtick"]!);
        Assert.Equal(1, (double)json["layout"]!["xaxis"]!["dtick"]!);
    }

    [Fact]
    public void Uplift_shows_points_with_ci_and_a_bold_zero_line()
    {
        var json = JsonAssert.Parse(StandardPlots.Uplift("CTR", SampleResults.Uplifts()));

        var trace = Traces(json).Single();
        Assert.Equal("markers", (string?)trace["mode"]);
        Assert.Equal(3, trace["x"]!.AsArray().Count);
        Assert.Equal(0.05, (double)trace["error_y"]!["array"]![0]!, 12);
        Assert.Equal(0.05, (double)trace["error_y"]!["arrayminus"]![0]!, 12);
        var yAxis = json["layout"]!["yaxis"]!;
        Assert.True((bool)yAxis["zeroline"]!);
        Assert.Equal(2, (double)yAxis["zerolinewidth"]!);
        Assert.Equal(".1%", (string?)yAxis["tickformat"]);

        var absolute = JsonAssert.Parse(StandardPlots.Uplift("CTR", SampleResults.Uplifts(), relative: false));
        Assert.Null(absolute["layout"]!["yaxis"]!["tickformat"]);
    }

    [Fact]
    public void Standard_plots_are_styled_explicitly_rather_than_by_a_plotly_template()
    {
        var layout = JsonAssert.Parse(StandardPlots.MetricBars(SampleResults.Estimates()))["layout"]!;

        Assert.Null(layout["template"]);
        Assert.Equal("#ffffff", (string?)layout["plot_bgcolor"]);
        Assert.Equal(10, layout["colorway"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(5, 10)]
    [InlineData(10, 10)]
    [InlineData(1000, 50)]
    [InlineData(123_457, 400)]
    public void Log_spaced_ranks_start_at_one_end_at_n_and_stay_within_the_budget(int n, int max)
    {
        var ranks = StandardPlots.LogSpacedRanks(n, max);

        Assert.Equal(1, ranks[0]);
        Assert.Equal(n, ranks[^1]);
        Assert.True(ranks.Length <= max + 1);
        Assert.True(ranks.Zip(ranks.Skip(1)).All(p => p.First < p.Second));
    }

    private static List<JsonNode> Traces(JsonObject figure) => figure["data"]!.AsArray().Select(t => t!).ToList();
}
