using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary>An A/B test is a unit of work a shard owns; merge takes it from there; a report never shows another configuration's.</summary>
public sealed class AbTestShardingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ExperimentPlan Plan(params string[] overrides) =>
        ExperimentPlan.Create(ExperimentFile.Parse(AbTestRunTests.Yaml, "ab.yaml", overrides));

    private static Task<RunResult> Run(ExperimentPlan plan, string folder, ShardSpec? shard = null, bool fresh = false) =>
        ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = folder, Jobs = 1, Shard = shard ?? ShardSpec.All, Fresh = fresh },
            TestContext.Current.CancellationToken);

    /// <summary>The shard of <paramref name="count"/> that owns the A/B test.</summary>
    private static int Owner(ExperimentPlan plan, int count) =>
        Enumerable.Range(0, count).Single(i => new ShardSpec(i, count).Select(plan).AbTests.Count == 1);

    [Fact]
    public async Task Three_shards_and_a_merge_give_one_process_bytes_with_the_ab_section()
    {
        var plan = Plan();
        await Run(plan, _temp["single"]);
        var shards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = await Run(plan, _temp[$"shard{i}"], new ShardSpec(i, 3));
            Assert.Equal(i == Owner(plan, 3) ? 1 : 0, result.ShardAbTests);
            Assert.Empty(result.AbTestFailures);
            shards.Add(_temp[$"shard{i}"]);
        }
        Assert.Single(shards, s => File.Exists(Path.Combine(s, "ab", "pop-vs-knn", "test.json")));

        var merged = ResultMerger.Merge(shards, _temp["merged"]);

        Assert.Equal((1, 1, 0), (merged.AbTests, merged.AbTestsCopied, merged.AbTestsMissing));
        foreach (var file in new[] { "results.csv", "comparisons.csv", "summary.md" })
            Assert.Equal(File.ReadAllBytes(_temp[$"single/{file}"]), File.ReadAllBytes(_temp[$"merged/{file}"]));
        Assert.Contains("| ctr | knn |", File.ReadAllText(_temp["merged/summary.md"]));
    }

    [Fact]
    public async Task Shards_writing_one_shared_folder_merge_in_place_to_one_process_bytes()
    {
        var plan = Plan();
        await Run(plan, _temp["single"]);
        for (var i = 0; i < 2; i++)
            await Run(plan, _temp["shared"], new ShardSpec(i, 2));

        var merged = ResultMerger.Merge([_temp["shared"]], _temp["shared"]);

        Assert.Equal(0, merged.AbTestsMissing);
        Assert.Equal(File.ReadAllBytes(_temp["single/summary.md"]), File.ReadAllBytes(_temp["shared/summary.md"]));
    }

    [Fact]
    public async Task A_merge_without_the_shard_that_ran_the_test_says_it_is_missing()
    {
        var plan = Plan();
        var others = Enumerable.Range(0, 2).Where(i => i != Owner(plan, 2)).Select(i => _temp[$"shard{i}"]).ToList();
        foreach (var i in Enumerable.Range(0, 2).Where(i => i != Owner(plan, 2)))
            await Run(plan, _temp[$"shard{i}"], new ShardSpec(i, 2));

        var merged = ResultMerger.Merge(others, _temp["merged"]);

        Assert.Equal(1, merged.AbTestsMissing);
        Assert.Contains("## A/B test · pop-vs-knn\n\nNot run yet (or it failed): run the experiment again.", File.ReadAllText(_temp["merged/summary.md"]));
    }

    [Fact]
    public async Task A_report_over_a_folder_of_another_seed_marks_the_ab_section_and_the_manifest_stale()
    {
        // The campaign's case: seed 42 run in full, then seed-7 shards into the same folder (here with --fresh, as the
        // folder now refuses another setup), then 'reclab report': the seed-7 header must not sit over seed 42's A/B section.
        var first = Plan();
        await Run(first, _temp["out"]);
        var second = Plan("seed=7");
        var shard = new ShardSpec(1 - Owner(second, 2), 2);
        await Run(second, _temp["out"], shard, fresh: true);

        ReportWriters.Rewrite(_temp["out"]);

        var summary = File.ReadAllText(_temp["out/summary.md"]);
        Assert.Contains("Seed 7;", summary);
        Assert.Contains($"**Stale: ab/pop-vs-knn/ holds the results of another configuration of this test (id {first.AbTests[0].Id}; " +
            $"this configuration: {second.AbTests[0].Id}), so they are not shown. Run the experiment again to simulate this one.**", summary);
        Assert.DoesNotContain("| ctr | knn |", summary);
        var page = File.ReadAllText(_temp["out/report.html"]);
        Assert.Contains("Stale: ab/pop-vs-knn/ holds the results of another configuration", page);
        Assert.Contains("Stale: manifest.json was written by a run of another configuration", page);
        var stale = Assert.Throws<InvalidDataException>(() => ExperimentResults.Load(second, new CellStore(_temp["out"])).AbTest("pop-vs-knn"));
        Assert.StartsWith("Stale: ab/pop-vs-knn/ holds the results of another configuration", stale.Message);
    }
}
