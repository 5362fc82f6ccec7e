using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;

namespace RecLab.Experiments.Tests.Reports;

public sealed class HtmlReportTests(ReportExperiment experiment) : IClassFixture<ReportExperiment>, IDisposable
{
    private readonly RecLab.Tests.Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The report page as a browser parses it, with a tiny stand-in for plotly.js.</summary>
    private IHtmlDocument Page(ExperimentResults results, IEnumerable<IReportSection>? sections = null) =>
        HtmlDom.Parse(HtmlReport.Build(results, sections).ToHtml(PlotlyScript.FromFile(HtmlDom.FakePlotly(_temp["plotly"]))));

    /// <summary>Every figure drawn by the page, parsed from its script (not compared as text).</summary>
    internal static List<JsonObject> Figures(IHtmlDocument page) =>
        page.QuerySelectorAll("script").Where(s => s.TextContent.TrimStart().StartsWith("reclabDraw(", StringComparison.Ordinal))
            .Select(s => HtmlDom.DrawArguments(s)[1]!.AsObject()).ToList();

    internal static string Title(JsonObject figure) => figure["layout"]!["title"]!["text"]!.GetValue<string>();

    private static List<string> Names(JsonObject figure) => figure["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public void The_report_has_the_run_a_section_per_dataset_and_split_and_the_charts_not_drawn()
    {
        var page = Page(experiment.Results);

        Assert.Equal(["Run", "tiny · holdout", "tiny · cv2", "Charts not drawn"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        var run = page.QuerySelectorAll("table.reclab-table")[0].TextContent;
        Assert.Contains(experiment.Plan.ConfigHash, run);
        Assert.Contains(Versions.DotNet, run);
        var notDrawn = page.QuerySelectorAll("table.reclab-table").Last().QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent);
        Assert.Equal(["popularity"], notDrawn);
    }

    [Fact]
    public void Each_section_draws_the_requested_charts_from_its_results()
    {
        var figures = Figures(Page(experiment.Results));
        var configurations = experiment.Plan.Configurations;

        // Per split: accuracy bars, coverage bars, nDCG@N, fit cost, grid heatmap, per-user boxes.
        Assert.Equal(12, figures.Count);
        for (var t = 0; t < 2; t++)
        {
            var table = experiment.Results.Tables[t];
            var mine = figures.Skip(6 * t).Take(6).ToList();
            Assert.All(mine, f => Assert.EndsWith(" · " + table.Split, Title(f)));

            var accuracy = mine[0]["data"]!.AsArray();
            Assert.Equal(["ndcg@5", "ndcg@10", "precision@10"], Names(mine[0]));
            foreach (var trace in accuracy)
            {
                // Categories break grid values onto lines.
                Assert.Equal(configurations, trace!["x"]!.AsArray().Select(x => x!.GetValue<string>().Replace("<br>", " ")));
                var metric = trace["name"]!.GetValue<string>();
                var expected = table.Rows.Select(r => r.Metrics.Single(m => m.Name == metric)).ToList();
                Assert.Equal(expected.Select(m => m.Value), trace["y"]!.AsArray().Select(y => y!.GetValue<double>()));
                // Error bars from the bootstrap intervals: plus = high - mean.
                var plus = trace["error_y"]!["array"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();
                Assert.Equal(expected.Select(m => m.CiHigh!.Value - m.Value), plus, (a, b) => Math.Abs(a - b) < 1e-12);
            }
            Assert.Equal(["coverage@10"], Names(mine[1]));
            Assert.Null(mine[1]["data"]![0]!["error_y"]);

            Assert.Equal(configurations, Names(mine[2]));
            Assert.All(mine[2]["data"]!.AsArray(), c => Assert.Equal([5.0, 10.0], c!["x"]!.AsArray().Select(n => n!.GetValue<double>())));

            Assert.Equal(configurations, Names(mine[3]));
            Assert.Equal("log", mine[3]["layout"]!["xaxis"]!["type"]!.GetValue<string>());

            var heatmap = mine[4]["data"]![0]!;
            Assert.Equal("heatmap", heatmap["type"]!.GetValue<string>());
            Assert.Equal(["5", "20"], heatmap["x"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal(["cosine", "bm25"], heatmap["y"]!.AsArray().Select(v => v!.GetValue<string>()));
            double Ndcg5(string configuration) => table.Rows.Single(r => r.Configuration == configuration).Metrics.Single(m => m.Name == "ndcg@5").Value;
            Assert.Equal(Ndcg5("knn neighbors=20 weighting=cosine"), heatmap["z"]![0]![1]!.GetValue<double>());
            Assert.Equal(Ndcg5("knn neighbors=5 weighting=bm25"), heatmap["z"]![1]![0]!.GetValue<double>());

            Assert.Equal(configurations, Names(mine[5]).Select(n => n.Replace("<br>", " ")));
            Assert.All(mine[5]["data"]!.AsArray(), b => Assert.Equal("box", b!["type"]!.GetValue<string>()));
            var perUser = table.Rows[0].Metrics.Single(m => m.Name == "ndcg@5").PerUser;
            Assert.Equal(perUser.Select(v => Math.Round(v, 4)), mine[5]["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        }
    }

    [Fact]
    public void The_tables_show_what_summary_md_shows()
    {
        var page = Page(experiment.Results);
        var summary = SummaryWriter.Render(experiment.Results).Split('\n');
        var tables = page.QuerySelectorAll("table.reclab-table").Skip(2).Take(2).ToList(); // after the run and dataset tables

        Assert.Equal(2, tables.Count);
        for (var t = 0; t < 2; t++)
        {
            var start = Array.IndexOf(summary, $"## {experiment.Results.Tables[t].Dataset} · {experiment.Results.Tables[t].Split}");
            var markdownRows = summary.Skip(start + 4).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToList()).ToList();
            var htmlRows = tables[t].QuerySelectorAll("tbody tr").ToList();
            Assert.Equal(markdownRows.Count, htmlRows.Count);
            for (var r = 0; r < htmlRows.Count; r++)
            {
                var cells = htmlRows[r].Children.ToList();
                for (var c = 0; c < markdownRows[r].Count; c++)
                {
                    var markdown = markdownRows[r][c];
                    var bold = markdown.StartsWith("**", StringComparison.Ordinal);
                    Assert.Equal(markdown.Replace("**", ""), cells[c].TextContent);
                    Assert.Equal(bold, cells[c].QuerySelector("strong") is not null);
                }
            }
        }
        // Popularity is steep in the tiny data: random is significantly worse than the baseline in both splits.
        Assert.All(tables, t => Assert.EndsWith(SummaryWriter.Worse, t.QuerySelectorAll("tbody tr")[1].Children[1].TextContent));
    }

    [Fact]
    public void Plotly_is_loaded_once_inline_or_from_the_cdn()
    {
        var inline = Page(experiment.Results);
        Assert.Single(inline.QuerySelectorAll("script"), s => s.TextContent.Contains("FAKE-PLOTLY"));
        Assert.Empty(inline.QuerySelectorAll("script[src]"));

        var cdn = HtmlDom.Parse(HtmlReport.Build(experiment.Results).ToHtml(PlotlyScript.Cdn));
        Assert.Equal([PlotlyScript.CdnUrl], cdn.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")));
    }

    [Fact]
    public async Task Reclab_report_rewrites_the_same_page_the_run_wrote()
    {
        var path = Path.Combine(experiment.Folder, HtmlReport.FileName);
        var written = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        ReportWriters.Rewrite(experiment.Folder);

        Assert.Equal(written, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        // The page shows the run's manifest, so it was written after it.
        Assert.Contains(Manifest.TryRead(Path.Combine(experiment.Folder, "manifest.json"))!.StartedUtc, System.Text.Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void An_added_section_is_rendered_and_claims_its_chart()
    {
        var results = experiment.Results;
        var config = results.Plan.Config with { Report = new Schema.ReportConfig { Charts = ["metric-bars", "lab-daily", "lab-weekly"] } };
        var plan = ExperimentPlan.Create(config);
        var page = Page(ExperimentResults.Load(plan, results.Store), [.. HtmlReport.DefaultSections, new DailySection()]);

        Assert.Equal(["Run", "tiny · holdout", "tiny · cv2", "Lab per day", "Charts not drawn"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        var notDrawn = page.QuerySelectorAll("table.reclab-table").Last().QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent);
        Assert.Equal(["lab-weekly"], notDrawn);
        // Only metric bars were asked for: two per split (accuracy, coverage).
        Assert.Equal(4, Figures(page).Count);
    }

    [Fact]
    public async Task Failed_cells_are_listed_and_left_out_of_the_charts()
    {
        var registry = TestRegistry.WithFailing;
        var csv = TinyRatings.Write(_temp["ratings.csv"]);
        var yaml = Yaml.Small(csv).Replace("  - kind: random\n", "  - kind: random\n  - kind: explodes\n") +
            "\nreport:\n  charts: [metric-bars, metric-at-k, grid-search]\n";
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(yaml, "failing.yaml", null, registry), registry);
        await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["out"], Jobs = 2, Registry = registry }, TestContext.Current.CancellationToken);

        var page = Page(ExperimentResults.Load(plan, new CellStore(_temp["out"])));

        var failed = plan.Cells.Count(c => c.Kind == "explodes");
        Assert.Contains($"Failed cells ({failed})", page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("InvalidOperationException: boom in fold", page.Body!.TextContent);
        Assert.All(Figures(page), f => Assert.DoesNotContain("explodes", f.ToJsonString()));
        var notDrawn = page.QuerySelectorAll("table.reclab-table").Last().QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent);
        Assert.Equal(["metric-at-k", "grid-search"], notDrawn);
    }

    /// <summary>A section added by a caller: a heading and its own chart.</summary>
    private sealed class DailySection : IReportSection
    {
        public IReadOnlyList<string> Charts => ["lab-daily"];

        public void Render(ReportContext context)
        {
            context.Page.AddHeading("Lab per day");
            context.Page.AddParagraph("Per-day charts go here.");
        }
    }
}
