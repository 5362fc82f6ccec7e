using System.Globalization;
using System.Text.Json.Nodes;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Tests.Reports;

/// <summary>The A/B part of report.html, checked against the simulator's CSV files of a tiny test.</summary>
public sealed class AbSectionTests : IDisposable
{
    /// <summary>The runner's tiny A/B test (3 days, 2-day pre-period), with the A/B charts asked for.</summary>
    private const string Yaml = Execution.AbTestRunTests.Yaml + "\nreport:\n  charts: [metric-bars, ab-daily, ab-uplift]\n";

    private readonly RecLab.Tests.Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<double> Numbers(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToList();

    private static List<string[]> Csv(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();

    private static double D(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_section_draws_the_table_the_uplift_the_daily_bands_and_the_p_values_from_the_csv_files()
    {
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(Yaml, "ab.yaml", null));
        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["out"], Jobs = 2 }, TestContext.Current.CancellationToken);
        Assert.Empty(run.AbTestFailures);
        var results = ExperimentResults.Load(plan, new CellStore(_temp["out"]));
        var page = HtmlDom.Parse(HtmlReport.Build(results).ToHtml(PlotlyScript.FromFile(HtmlDom.FakePlotly(_temp["plotly"]))));

        Assert.Equal(["Run", "tiny · user-holdout:0.2", "A/B test · pop-vs-knn"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        var figures = HtmlReportTests.Figures(page);
        // Metric bars of the offline split, then uplift, ctr per day, revenue per user per day, p-values.
        Assert.Equal(5, figures.Count);
        var ab = figures.Skip(1).ToList();
        Assert.Equal(["Uplift in each metric over control", "ctr per day by arm", "revenue-per-user per day by arm",
            "P-values per day: naive daily peek vs always-valid"], ab.Select(HtmlReportTests.Title));

        var folder = _temp["out/ab/pop-vs-knn"];
        var summary = Csv(Path.Combine(folder, "summary.csv"));
        // summary.csv: metric, arm, ..., uplift (11), uplift_low (12), uplift_high (13), p_value, p_holm (15).
        var treated = summary.Where(r => r[1] == "knn" && r[11].Length > 0 && r[12].Length > 0 && r[13].Length > 0).ToList();
        var uplift = ab[0]["data"]![0]!;
        Assert.Equal(treated.Select(r => r[0]), uplift["x"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(treated.Select(r => D(r[11])), Numbers(uplift["y"]));
        Assert.Equal(treated.Select(r => D(r[13]) - D(r[11])), Numbers(uplift["error_y"]!["array"]), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(treated.Select(r => D(r[11]) - D(r[12])), Numbers(uplift["error_y"]!["arrayminus"]), (a, b) => Math.Abs(a - b) < 1e-12);

        // daily.csv: day, arm, metric, value, ci_low, ci_high, uplift, uplift_low, uplift_high, p_value, always_valid_p.
        var daily = Csv(Path.Combine(folder, "daily.csv"));
        var ctr = ab[1]["data"]!.AsArray();
        Assert.Equal(6, ctr.Count); // two arms x (lower edge, upper edge, mean)
        Assert.Equal(["popular", "knn"], new[] { ctr[2]!, ctr[5]! }.Select(t => t["name"]!.GetValue<string>()));
        var knnCtr = daily.Where(r => r[1] == "knn" && r[2] == "ctr").OrderBy(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, knnCtr.Count);
        Assert.Equal(knnCtr.Select(r => D(r[3])), Numbers(ctr[5]!["y"]));
        Assert.Equal(knnCtr.Select(r => D(r[4])), Numbers(ctr[3]!["y"]));
        Assert.Equal(knnCtr.Select(r => D(r[5])), Numbers(ctr[4]!["y"]));
        Assert.Equal("tonexty", ctr[4]!["fill"]!.GetValue<string>());

        var p = ab[3]["data"]!.AsArray();
        // ctr and revenue per user: daily and always-valid p each, then the alpha line.
        Assert.Equal(["ctr · daily p", "ctr · always-valid p", "revenue-per-user · daily p", "revenue-per-user · always-valid p", "\u03b1 = 0.05"],
            p.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(knnCtr.Select(r => D(r[9])), Numbers(p[0]!["y"]));
        Assert.Equal(knnCtr.Select(r => D(r[10])), Numbers(p[1]!["y"]));
        Assert.Equal("log", ab[3]["layout"]!["yaxis"]!["type"]!.GetValue<string>());

        // The table holds what summary.md holds, cell by cell.
        var table = page.QuerySelectorAll("table.reclab-table").Last();
        var md = File.ReadAllText(_temp["out/summary.md"]).Split('\n');
        var start = Array.FindIndex(md, l => l.StartsWith("| metric | arm |", StringComparison.Ordinal));
        var markdownRows = md.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToList()).ToList();
        var htmlRows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(summary.Count, htmlRows.Count);
        Assert.Equal(markdownRows.Count, htmlRows.Count);
        for (var r = 0; r < htmlRows.Count; r++)
            Assert.Equal(markdownRows[r], htmlRows[r].Children.Select(c => c.TextContent));
        Assert.DoesNotContain("Charts not drawn", page.QuerySelectorAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public void Without_results_the_test_is_listed_as_not_run_and_its_charts_as_not_drawn()
    {
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(Yaml, "ab.yaml", null));
        var page = HtmlDom.Parse(HtmlReport.Build(ExperimentResults.Load(plan, new CellStore(_temp["empty"])))
            .ToHtml(PlotlyScript.FromFile(HtmlDom.FakePlotly(_temp["plotly"]))));

        Assert.Contains("A/B test · pop-vs-knn", page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("Not run yet", page.Body!.TextContent);
        var notDrawn = page.QuerySelectorAll("table.reclab-table").Last().QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent);
        Assert.Equal(["ab-daily", "ab-uplift"], notDrawn.Where(c => c.StartsWith("ab-", StringComparison.Ordinal)));
    }
}
