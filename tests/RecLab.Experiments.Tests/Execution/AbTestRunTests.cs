using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary><c>ab_tests</c> run by the runner: files in ab/TEST/, a section in summary.md, resumed like cells.</summary>
public sealed class AbTestRunTests : IDisposable
{
    internal const string Yaml = """
        version: 1
        name: ab
        seed: 3
        datasets:
          - name: tiny
            source: synthetic:tiny
        splits:
          - spec: user-holdout:0.2
        algorithms:
          - name: popular
            kind: most-popular
          - name: knn
            kind: item-knn-implicit
        metrics: [ndcg@10]
        ab_tests:
          - name: pop-vs-knn
            world: tiny
            days: 3
            pre_days: 2
            metrics: [ctr, revenue-per-user, creator-coverage]
            arms:
              - algorithm: popular
                traffic: 0.5
              - algorithm: knn
                traffic: 0.5
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<RunResult> Run(bool fresh = false) =>
        ExperimentRunner.RunAsync(ExperimentPlan.Create(ExperimentFile.Parse(Yaml, "ab.yaml", null)),
            new RunOptions { OutputDirectory = _temp.Path, Jobs = 1, Fresh = fresh }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_test_writes_its_files_and_a_summary_section_and_a_rerun_reuses_it()
    {
        var result = await Run();

        Assert.Empty(result.AbTestFailures);
        var folder = _temp["ab/pop-vs-knn"];
        var daily = File.ReadAllLines(Path.Combine(folder, "daily.csv"));
        Assert.Equal("day,arm,metric,value,ci_low,ci_high,uplift,uplift_low,uplift_high,p_value,always_valid_p", daily[0]);
        // 3 days x 2 arms x 2 per-user metrics.
        Assert.Equal(1 + 3 * 2 * 2, daily.Length);
        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        Assert.Equal(1 + 2 * 2, summary.Length);
        Assert.StartsWith("ctr,knn,", summary.Single(l => l.StartsWith("ctr,knn,", StringComparison.Ordinal)));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "creators.csv")).Length);
        var users = File.ReadAllLines(Path.Combine(folder, "users.csv"));
        // Each of the 500 users: the pre-period row and one per test day.
        Assert.Equal(1 + 500 * (1 + 3), users.Length);
        var md = File.ReadAllText(_temp["summary.md"]);
        Assert.Contains("## A/B test · pop-vs-knn", md);
        Assert.Contains("| ctr | knn |", md);

        var marker = File.ReadAllText(Path.Combine(folder, "test.json"));
        await Run();
        Assert.Equal(marker, File.ReadAllText(Path.Combine(folder, "test.json")));
        var before = File.ReadAllBytes(Path.Combine(folder, "daily.csv"));
        await Run(fresh: true);
        Assert.NotEqual(marker, File.ReadAllText(Path.Combine(folder, "test.json")));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "daily.csv")));
    }

    [Fact]
    public async Task A_campaign_puts_sponsored_slots_in_every_arm_and_roas_in_the_results()
    {
        var yaml = Yaml.Replace("metrics: [ctr, revenue-per-user, creator-coverage]", """
            metrics: [ctr, roas]
                campaign:
                  topic: fashion
                  budget: 5
            """.TrimEnd()).Replace("""
                  - algorithm: knn
                    traffic: 0.5
            """, """
                  - algorithm: knn
                    traffic: 0.5
                    plan: expected-roas
            """);
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(yaml, "ab.yaml", null));
        var result = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp.Path, Jobs = 1 }, TestContext.Current.CancellationToken);

        Assert.Empty(result.AbTestFailures);
        var summary = File.ReadAllLines(Path.Combine(_temp["ab/pop-vs-knn"], "summary.csv"));
        Assert.Contains(summary, l => l.StartsWith("roas,knn,", StringComparison.Ordinal));
        var md = File.ReadAllText(_temp["summary.md"]);
        Assert.Contains("| arm | plan | creators paid | users reached | sponsored impressions | ad cost ($) | attributed revenue ($) | ROAS |", md);
        var rows = md.Split('\n');
        Assert.Matches(@"^\| popular \| platform \| +\| [1-9][0-9,]* \|", rows.Single(r => r.StartsWith("| popular | platform", StringComparison.Ordinal)));
        Assert.Matches(@"^\| knn \| expected-roas \| [1-9][0-9]* \| [1-9][0-9,]* \|", rows.Single(r => r.StartsWith("| knn | expected-roas", StringComparison.Ordinal)));
    }
}
