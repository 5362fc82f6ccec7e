using System.Text.Json.Nodes;
using Plotly.NET;
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
            Assert.Equal(1, (double)t["x"]![0]!);
            Assert.Equal(50, (double)t["x"]![49]!);
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
        Assert.All(traces, t => Assert.Equal("markers", (string?)t["mode"]));
        Assert.Equal("log", (string?)json["layout"]!["xaxis"]!["type"]);
        Assert.Equal(0.001, (double)traces[0]["x"]![0]!);
        Assert.Contains("0.2 ms", (string?)traces[0]["hovertemplate"]);
        Assert.Equal(31.0, (double)traces[3]["x"]![0]!);
        // One label per point, as an annotation at the point (a log axis takes the exponent).
        var labels = json["layout"]!["annotations"]!.AsArray();
        Assert.Equal(SampleResults.Algorithms, labels.Select(a => (string?)a!["text"]));
        Assert.Equal(Math.Log10(31.0), (double)labels[3]!["x"]!, 12);
        Assert.Equal(0.25, (double)labels[3]!["y"]!);
    }

    [Fact]
    public void Fit_time_labels_of_crowded_points_cover_neither_each_other_nor_any_point()
    {
        // The default report's crowd: three configurations within a factor of two in time and 0.001 in accuracy.
        FitCost[] costs =
        [
            new("popular", 0.029, 0.0416), new("random", 0.001, 0.0005), new("item-knn neighbors=20", 3.28, 0.0407),
            new("item-knn neighbors=100", 4.68, 0.0436), new("user-knn", 0.055, 0.0566), new("als", 5.52, 0.0507),
            new("bpr", 35.1, 0.0346), new("pure-svd", 7.17, 0.0437),
        ];

        var json = JsonAssert.Parse(StandardPlots.FitTimeVsAccuracy("ndcg@10", costs));

        var layout = json["layout"]!;
        var (x0, x1) = ((double)layout["xaxis"]!["range"]![0]!, (double)layout["xaxis"]!["range"]![1]!);
        var (y0, y1) = ((double)layout["yaxis"]!["range"]![0]!, (double)layout["yaxis"]!["range"]![1]!);
        foreach (var width in (double[])[LabelPlacement.NarrowWidth, 750, LabelPlacement.WideWidth])
        {
            // Label and marker boxes in pixels, as plotly places them, with the placement's own text size estimate.
            var points = costs.Select(c => (X: (Math.Log10(Math.Max(c.FitSeconds, 1e-3)) - x0) / (x1 - x0) * width,
                Y: (y1 - c.Value) / (y1 - y0) * LabelPlacement.PlotHeight)).ToArray();
            var labels = layout["annotations"]!.AsArray().Select((a, i) =>
            {
                var shown = (bool)a!["showarrow"]!;
                var (dx, dy) = shown ? ((double)a["ax"]!, (double)a["ay"]!) : ((double)a["xshift"]!, -(double)a["yshift"]!);
                return (X: points[i].X + dx, Y: points[i].Y + dy, W: ((string)a["text"]!).Length * 7.2 + 6, H: 17.0);
            }).ToArray();
            for (var i = 0; i < labels.Length; i++)
            {
                for (var j = i + 1; j < labels.Length; j++)
                    Assert.False(Overlap(labels[i], labels[j]), $"at {width} px the labels of {costs[i].Algorithm} and {costs[j].Algorithm} overlap");
                for (var j = 0; j < points.Length; j++)
                    Assert.False(Overlap(labels[i], (points[j].X, points[j].Y, 12, 12)), $"at {width} px the label of {costs[i].Algorithm} covers the point of {costs[j].Algorithm}");
            }
        }

        static bool Overlap((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b) =>
            Math.Abs(a.X - b.X) < (a.W + b.W) / 2 && Math.Abs(a.Y - b.Y) < (a.H + b.H) / 2;
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
    public void Per_user_boxes_of_a_metric_most_users_score_zero_on_show_the_users_above_zero_and_their_share()
    {
        // As on a temporal split: 80% of users have no test item in their top 10.
        double[] Values(double above) => [.. Enumerable.Range(0, 100).Select(u => u < 80 ? 0 : above * (u - 79) / 20), double.NaN];

        var json = JsonAssert.Parse(StandardPlots.PerUserDistribution("ndcg@10", [new NamedValues("als", Values(0.5)), new NamedValues("random", [0, 0, 0, 0.1])]));

        var traces = Traces(json);
        Assert.Equal(["als<br>20% above 0", "random<br>25% above 0"], traces.Select(t => (string?)t["name"]));
        Assert.Equal(20, traces[0]["y"]!.AsArray().Count);
        Assert.All(traces[0]["y"]!.AsArray(), v => Assert.True((double)v! > 0));
        Assert.Equal("Per-user ndcg@10: users above 0", (string?)json["layout"]!["title"]!["text"]);

        // Below half at 0 the median is above 0 and the boxes keep every user.
        var spread = JsonAssert.Parse(StandardPlots.PerUserDistribution("ndcg@10", [new NamedValues("als", [0, 0, 0.2, 0.3, 0.4])]));
        Assert.Equal("als", (string?)Traces(spread)[0]["name"]);
        Assert.Equal(5, Traces(spread)[0]["y"]!.AsArray().Count);
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
        Assert.Equal(1, (double)json["layout"]!["xaxis"]!["dtick"]!);
    }

    [Fact]
    public void Ab_p_value_axis_stops_four_decades_under_alpha_so_alpha_sits_near_the_top_not_at_its_edge()
    {
        var comparisons = new[] { new DailyPValues("ctr", [0, 1, 2], [0.2, 1e-9, 1e-170], [0.9, 0.3, 1e-5]) };

        var json = JsonAssert.Parse(StandardPlots.AbPValues(comparisons, 0.05));

        var y = json["layout"]!["yaxis"]!;
        Assert.Equal("log", (string?)y["type"]);
        var range = y["range"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(-6.15, range[0], 12);
        Assert.Equal(0.1, range[1], 12);
        // alpha = 0.05 (log -1.3) a fifth of the way down, not on the top edge of 170 decades.
        Assert.InRange((range[1] - Math.Log10(0.05)) / (range[1] - range[0]), 0.15, 0.3);
        Assert.Equal(["\u2264 1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1"], y["ticktext"]!.AsArray().Select(t => (string?)t).Reverse());
        // Below the axis: drawn on its bottom line as a downward triangle, the exact p kept for the hover text.
        var daily = Traces(json)[0];
        Assert.Equal([0.2, 1e-6, 1e-6], daily["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0.2, 1e-9, 1e-170], daily["customdata"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["circle", "triangle-down", "triangle-down"], daily["marker"]!["symbol"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Ab_p_value_axis_of_a_quiet_test_ends_one_decade_under_alpha()
    {
        var json = JsonAssert.Parse(StandardPlots.AbPValues([new DailyPValues("ctr", [0, 1], [0.6, 0.3], [1, 0.9])], 0.05));

        var y = json["layout"]!["yaxis"]!;
        Assert.Equal(-3.15, (double)y["range"]![0]!, 12);
        Assert.Equal("0.001", (string?)y["ticktext"]!.AsArray()[^1]);
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

    [Fact]
    public void Standard_plots_are_plotly_net_charts_that_users_restyle_and_combine()
    {
        var bars = StandardPlots.MetricBars(SampleResults.Estimates());
        var fit = StandardPlots.FitTimeVsAccuracy("nDCG@10", SampleResults.Costs());

        var restyled = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
            Plotly.NET.Chart.withTitle("Mine", null).Invoke(bars), TitleText: "nDCG@10 and recall@10");
        var json = JsonAssert.Parse(restyled)["layout"]!;
        var grid = Plotly.NET.CSharp.Chart.Grid([restyled, fit], 1, 2);

        Assert.Equal("Mine", (string?)json["title"]!["text"]);
        Assert.Equal(0.02, (double)json["title"]!["x"]!);
        Assert.Equal("nDCG@10 and recall@10", (string?)json["yaxis"]!["title"]!["text"]);
        Assert.Equal("tozero", (string?)json["yaxis"]!["rangemode"]);
        Assert.Equal(6, GenericChart.countTrace(grid));
        Assert.NotNull(JsonAssert.Parse(grid)["layout"]!["grid"]);
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
