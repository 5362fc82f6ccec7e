using RecLab.Data;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Experiments.Tests.Execution;

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _csv;

    public ExperimentRunnerTests() => _csv = TinyRatings.Write(_temp["ratings.csv"]);

    public void Dispose() => _temp.Dispose();

    private ExperimentPlan Plan(string? yaml = null, RecommenderRegistry? registry = null) =>
        ExperimentPlan.Create(ExperimentFile.Parse(yaml ?? Yaml.Small(_csv), "test.yaml", null, registry), registry);

    private static Task<RunResult> Run(ExperimentPlan plan, string output, ShardSpec? shard = null, int jobs = 2,
        RecommenderRegistry? registry = null, IProgress<RunProgress>? progress = null, CancellationTokenSource? cancel = null) =>
        ExperimentRunner.RunAsync(plan, new RunOptions
        {
            OutputDirectory = output,
            Jobs = jobs,
            Shard = shard ?? ShardSpec.All,
            Registry = registry ?? RecommenderRegistry.Default,
            Progress = progress,
        }, cancel?.Token ?? TestContext.Current.CancellationToken);

    private static string Read(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));

    [Fact]
    public async Task A_run_writes_every_cell_and_the_reports()
    {
        var plan = Plan();
        var result = await Run(plan, _temp["single"]);

        Assert.Equal(plan.Cells.Count, result.Succeeded);
        Assert.Empty(result.Failures);
        // 3 folds x 2 repeats, each built once and shared by the 4 configurations.
        Assert.Equal(6, result.FoldsBuilt);
        Assert.True(result.ReportWritten);
        Assert.Equal(plan.Cells.Count, Directory.GetFiles(_temp["single/cells"], "*.json").Length);
        Assert.Equal(plan.Cells.Count, Directory.GetFiles(_temp["single/per_user"], "*.csv").Length);
        var csv = File.ReadAllLines(_temp["single/results.csv"]);
        Assert.Equal("experiment,dataset,split,fold,algorithm,kind,params,repeat,metric,value,ci_low,ci_high,n", csv[0]);
        Assert.Equal(1 + plan.Cells.Count * 3, csv.Length);
        var summary = Read(_temp["single"], "summary.md");
        Assert.Contains("## tiny · cv3", summary);
        Assert.Contains("| pop (baseline) |", summary);
        Assert.Contains("| pop-damped damping=10 |", summary);
        Assert.True(File.Exists(_temp["single/manifest.json"]));
        Assert.True(File.Exists(_temp["single/timings.md"]));
    }

    [Fact]
    public async Task Three_shards_merged_equal_one_process_byte_for_byte()
    {
        var plan = Plan();
        await Run(plan, _temp["single"], jobs: 2);
        var shardFolders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var folder = _temp[$"shard{i}"];
            var result = await Run(plan, folder, new ShardSpec(i, 3), jobs: 1);
            Assert.False(result.ReportWritten);
            Assert.True(File.Exists(Path.Combine(folder, $"manifest-shard-{i}-of-3.json")));
            shardFolders.Add(folder);
        }
        var shardCells = shardFolders.Select(f => Directory.GetFiles(Path.Combine(f, "cells")).Length).ToList();
        Assert.Equal(plan.Cells.Count, shardCells.Sum());
        Assert.True(shardCells.Max() - shardCells.Min() <= 1, "shards are balanced");

        var merged = ResultMerger.Merge(shardFolders, _temp["merged"]);

        Assert.Equal(0, merged.Missing);
        foreach (var file in new[] { "results.csv", "summary.md", "comparisons.csv" })
            Assert.Equal(File.ReadAllBytes(_temp[$"single/{file}"]), File.ReadAllBytes(_temp[$"merged/{file}"]));
    }

    [Fact]
    public async Task Shards_sharing_one_folder_merge_in_place()
    {
        var plan = Plan();
        await Run(plan, _temp["single"]);
        await Task.WhenAll(Run(plan, _temp["shared"], new ShardSpec(0, 2), jobs: 1), Run(plan, _temp["shared"], new ShardSpec(1, 2), jobs: 1));

        var merged = ResultMerger.Merge([_temp["shared"]], _temp["shared"]);

        Assert.Equal((0, 0), (merged.Copied, merged.Missing));
        Assert.Equal(Read(_temp["single"], "results.csv"), Read(_temp["shared"], "results.csv"));
        Assert.Equal(Read(_temp["single"], "summary.md"), Read(_temp["shared"], "summary.md"));
        Assert.Equal(2, Manifest.TryRead(_temp["shared/manifest.json"])!.Shards.Count);
    }

    [Fact]
    public async Task Merging_folders_of_different_configurations_is_refused()
    {
        await Run(Plan(), _temp["a"], new ShardSpec(0, 2));
        await Run(Plan(Yaml.Small(_csv).Replace("seed: 11", "seed: 12")), _temp["b"], new ShardSpec(1, 2));

        var e = Assert.Throws<ArgumentException>(() => ResultMerger.Merge([_temp["a"], _temp["b"]], _temp["merged"]));
        Assert.Contains("ran a different configuration", e.Message);
    }

    [Fact]
    public async Task An_interrupted_run_resumed_equals_an_uninterrupted_one()
    {
        var plan = Plan();
        await Run(plan, _temp["whole"]);

        using var cts = new CancellationTokenSource();
        var finished = 0;
        var progress = new Inline<RunProgress>(p =>
        {
            if (p.Event == RunEvent.Finished && ++finished == 5)
                cts.Cancel();
        });
        var first = await Run(plan, _temp["resumed"], jobs: 1, progress: progress, cancel: cts);
        Assert.True(first.Cancelled);
        var kept = Directory.GetFiles(_temp["resumed/cells"]).Length;
        Assert.InRange(kept, 5, plan.Cells.Count - 1);
        Assert.False(File.Exists(_temp["resumed/results.csv"]));

        var second = await Run(plan, _temp["resumed"]);

        Assert.Equal(kept, second.Reused);
        Assert.Equal(plan.Cells.Count - kept, second.Succeeded);
        foreach (var file in new[] { "results.csv", "summary.md", "comparisons.csv" })
            Assert.Equal(Read(_temp["whole"], file), Read(_temp["resumed"], file));
    }

    [Fact]
    public async Task A_failing_cell_is_recorded_and_the_others_go_on()
    {
        var registry = new RecommenderRegistry()
            .Add<MostPopularOptions>("most-popular", "popular", o => new MostPopular(o))
            .Add<RandomOptions>("random", "random", o => new RandomRecommender(o))
            .Add<NoOptions>("explodes", "throws in Fit", _ => new Explodes());
        var yaml = Yaml.Small(_csv).Replace("  - kind: random\n", "  - kind: random\n  - kind: explodes\n");
        var plan = Plan(yaml, registry);

        var result = await Run(plan, _temp["failing"], registry: registry);

        var exploding = plan.Cells.Count(c => c.Kind == "explodes");
        Assert.Equal(exploding, result.Failures.Count);
        Assert.Equal(plan.Cells.Count - exploding, result.Succeeded);
        Assert.All(result.Failures, f => Assert.Equal("InvalidOperationException: boom in fold", f.Error));
        var record = new CellStore(_temp["failing"]).TryLoad(result.Failures[0].Cell.Id)!;
        Assert.Equal(CellRecord.FailedStatus, record.Status);
        var summary = Read(_temp["failing"], "summary.md");
        Assert.Contains($"## Failed cells ({exploding})", summary);
        Assert.Contains("| explodes (0/6 cells) | failed | failed | failed |", summary);

        // A rerun retries failed cells only.
        var again = await Run(plan, _temp["failing"], registry: registry);
        Assert.Equal(plan.Cells.Count - exploding, again.Reused);
        Assert.Equal(exploding, again.Failures.Count);
    }

    [Fact]
    public async Task Fresh_reruns_every_cell()
    {
        var plan = Plan();
        await Run(plan, _temp["fresh"]);
        var again = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["fresh"], Jobs = 2, Fresh = true },
            TestContext.Current.CancellationToken);
        Assert.Equal(0, again.Reused);
        Assert.Equal(plan.Cells.Count, again.Succeeded);
    }

    [Fact]
    public async Task A_dry_run_lists_the_cells_and_estimates_from_finished_ones()
    {
        var plan = Plan();
        var options = new RunOptions { OutputDirectory = _temp["dry"], Jobs = 2 };
        var before = DryRun.Describe(plan, options);
        Assert.Equal(plan.Cells.Count, before.ToRun);
        Assert.All(before.Rows, r => Assert.Equal("pending", r.Status));
        Assert.Equal(plan.Cells.Count, before.CellsWithoutEstimate);
        Assert.Equal(2 * 3, before.DistinctFolds);
        Assert.False(Directory.Exists(_temp["dry"]), "a dry run writes nothing");

        await Run(plan, _temp["dry"]);
        var after = DryRun.Describe(plan, options);
        Assert.Equal(0, after.ToRun);
        Assert.All(after.Rows, r => Assert.Equal("done", r.Status));
        Assert.All(after.Rows, r => Assert.NotNull(r.EstimatedSeconds));
        Assert.Equal(plan.Cells.Count, DryRun.Describe(plan, options with { Fresh = true }).ToRun);
        Assert.Equal(plan.Cells.Count / 2, DryRun.Describe(plan, options with { Shard = new ShardSpec(1, 2) }).Rows.Count);
    }

    [Fact]
    public async Task Report_rewrites_the_same_files_from_the_cells()
    {
        var plan = Plan();
        await Run(plan, _temp["report"]);
        var summary = Read(_temp["report"], "summary.md");
        var results = Read(_temp["report"], "results.csv");
        File.Delete(_temp["report/summary.md"]);
        File.Delete(_temp["report/results.csv"]);

        var rewritten = ReportWriters.Rewrite(_temp["report"]);

        Assert.Empty(rewritten.Missing);
        Assert.Equal(summary, Read(_temp["report"], "summary.md"));
        Assert.Equal(results, Read(_temp["report"], "results.csv"));
    }

    [Fact]
    public async Task Grid_points_and_repeats_give_distinct_rows_and_comparisons_with_the_baseline()
    {
        var plan = Plan();
        await Run(plan, _temp["grid"]);
        var results = ExperimentResults.Load(plan, new CellStore(_temp["grid"]));

        var table = Assert.Single(results.Tables);
        Assert.Equal(["pop", "random", "pop-damped damping=1", "pop-damped damping=10"], table.Rows.Select(r => r.Configuration));
        Assert.All(table.Rows, r => Assert.Equal(6, r.Succeeded));
        // ndcg and precision are per-user means, compared with the baseline; coverage is a catalogue value and is not.
        Assert.Equal(3 * 2, table.Comparisons.Count);
        Assert.All(table.Comparisons, c => Assert.Equal("pop", c.B));
        var random = table.Comparisons.Single(c => c.A == "random" && c.Metric == "ndcg@5");
        Assert.True(random.MeanDifference < 0 && random.TTest.AdjustedPValue < 0.05, $"random ranks worse than popularity on structured data {random}");
        // Damping does not change a ranking by count: identical values, no difference.
        var damped = table.Comparisons.Single(c => c.A == "pop-damped damping=1" && c.Metric == "ndcg@5");
        Assert.Equal(0, damped.MeanDifference);
        var summary = Read(_temp["grid"], "summary.md");
        Assert.Contains("| random | 0.", summary);
        Assert.Contains(" ▼ |", summary);
    }

    private sealed class Explodes : Recommender<NoOptions>
    {
        public Explodes() : base(new NoOptions()) { }

        public override string Name => "explodes";

        protected override void FitCore(TrainingSet train, FitContext context) => throw new InvalidOperationException("boom in fold");

        protected override void ScoreCore(in UserQuery query, Span<float> scores) => scores.Clear();
    }
}
