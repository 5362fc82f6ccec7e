using System.Globalization;
using RecLab.Data;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Tests.Support;

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
        Assert.Equal("experiment,dataset,split,fold,algorithm,kind,params,repeat,metric,value,ci_low,ci_high,n,onboarding,bucket", csv[0]);
        Assert.Equal(1 + plan.Cells.Count * 3, csv.Length);
        var summary = Read(_temp["single"], "summary.md");
        Assert.Contains("## tiny · cv3", summary);
        Assert.Contains("| pop (baseline) |", summary);
        Assert.Contains("| pop-damped damping=10 |", summary);
        Assert.True(File.Exists(_temp["single/manifest.json"]));
        Assert.True(File.Exists(_temp["single/timings.md"]));
    }

    [Fact]
    public async Task Bad_data_is_one_error_for_its_dataset_before_any_cell_runs_and_skip_bad_lines_skips_it()
    {
        var lines = File.ReadAllLines(_csv).ToList();
        lines.Insert(3, "u9,i9,not-a-number");
        File.WriteAllLines(_csv, lines);
        var started = 0;
        var progress = new Inline<RunProgress>(p => started += p.Event == RunEvent.Started ? 1 : 0);

        var plan = Plan();
        var result = await Run(plan, _temp["bad"], progress: progress);

        Assert.Equal(0, started);
        var failure = Assert.Single(result.DatasetFailures);
        Assert.Equal("tiny", failure.Dataset);
        Assert.Equal(plan.Cells.Count, failure.Cells);
        Assert.StartsWith($"{_csv}:4:", failure.Error, StringComparison.Ordinal);
        Assert.Contains("skip_bad_lines: true", failure.Error, StringComparison.Ordinal);
        // Recorded as failed, so a rerun after the fix retries them.
        Assert.Equal(plan.Cells.Count, result.Failures.Count);
        Assert.All(Directory.GetFiles(_temp["bad/cells"], "*.json"), f => Assert.Contains("\"failed\"", File.ReadAllText(f), StringComparison.Ordinal));

        var skipping = Plan(Yaml.Small(_csv).Replace("    source: " + _csv, "    source: " + _csv + "\n    skip_bad_lines: true", StringComparison.Ordinal));
        var skipped = await Run(skipping, _temp["skipped"]);

        Assert.Empty(skipped.Failures);
        var facts = Assert.Single(skipped.Datasets);
        Assert.Equal(1, facts.SkippedLines);
        Assert.StartsWith($"{_csv}:4:", Assert.Single(facts.Skipped!), StringComparison.Ordinal);
        Assert.Contains("\"skipped_lines\": 1", Read(_temp["skipped"], "manifest.json"), StringComparison.Ordinal);
        // The key joins a cell's identity only when set: files without it keep their ids and configuration hash.
        Assert.NotEqual(plan.ConfigHash, skipping.ConfigHash);
        var unset = Plan(Yaml.Small(_csv).Replace("    source: " + _csv, "    source: " + _csv + "\n    skip_bad_lines: false", StringComparison.Ordinal));
        Assert.Equal(plan.ConfigHash, unset.ConfigHash);
        Assert.Equal(plan.Cells.Select(c => c.Id), unset.Cells.Select(c => c.Id));
        Assert.DoesNotContain("skipped_lines", Read(_temp["bad"], "manifest.json"), StringComparison.Ordinal);
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
        var registry = TestRegistry.WithFailing;
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

    private string ColdStartYaml(string buckets = "[1, 12, 16]") => $"""
        version: 1
        name: cold
        seed: 3
        datasets:
          - name: tiny
            source: {_csv}
            preprocessing:
              implicit: true
        splits:
          - name: cold
            spec: cold-users:0.3
            onboarding: [0, 2, 5]
          - name: warm
            spec: user-holdout:0.2
        algorithms:
          - name: pop
            kind: most-popular
          - name: content
            kind: user-knn-implicit
        metrics: [ndcg@5]
        evaluation:
          baseline: pop
          bootstrap_resamples: 50
          activity_buckets: {buckets}
        """;

    [Fact]
    public async Task Onboarding_sizes_give_a_curve_and_buckets_break_results_down()
    {
        var plan = Plan(ColdStartYaml());
        // 3 sizes on the cold split + the warm split, 2 algorithms each.
        Assert.Equal(8, plan.Cells.Count);
        Assert.Equal([0, 2, 5], plan.Cells.Where(c => c.Algorithm == "pop" && c.Onboarding is not null).Select(c => c.Onboarding!.Value));
        Assert.All(plan.Cells.Where(c => c.Onboarding is not null), c => Assert.Equal("cold-users:0.3:onboard=5", c.SplitSpec));
        var result = await Run(plan, _temp["cold"]);
        Assert.Equal(plan.Cells.Count, result.Succeeded);
        // The three sizes share one fold.
        Assert.Equal(2, result.FoldsBuilt);

        var csv = File.ReadAllLines(_temp["cold/results.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        var overall = csv.Where(r => r[14] == "").ToList();
        Assert.Equal(plan.Cells.Count, overall.Count);
        Assert.Equal(["0", "2", "5"], overall.Where(r => r[4] == "pop" && r[13] != "").Select(r => r[13]));
        // Cold users know exactly their onboarding interactions: one bucket per size (0 falls below the first bound).
        Assert.Equal(["0", "1-11", "1-11"], csv.Where(r => r[4] == "pop" && r[14] != "" && r[13] != "").Select(r => r[14]));
        // Warm users spread over buckets whose user counts add up to the test users, and whose means pool to the overall one.
        var warm = csv.Where(r => r[2] == "warm" && r[4] == "content").ToList();
        var buckets = warm.Where(r => r[14] != "").ToList();
        Assert.True(buckets.Count >= 2);
        var whole = warm.Single(r => r[14] == "");
        var pooled = buckets.Sum(r => double.Parse(r[9], CultureInfo.InvariantCulture) * int.Parse(r[12], CultureInfo.InvariantCulture)) /
            buckets.Sum(r => int.Parse(r[12], CultureInfo.InvariantCulture));
        Assert.Equal(double.Parse(whole[9], CultureInfo.InvariantCulture), pooled, 9);

        var summary = Read(_temp["cold"], "summary.md");
        Assert.Contains("## tiny · cold onboarding=2", summary);
        Assert.Contains("## Cold-start curve: ndcg@5 · tiny · cold", summary);
        Assert.Contains("| algorithm | onboarding 0 | onboarding 2 | onboarding 5 |", summary);
        Assert.Contains("## By user activity: ndcg@5 · tiny · warm", summary);
    }

    [Fact]
    public async Task An_algorithm_restricted_to_a_dataset_runs_only_there_and_leaves_the_other_cells_as_they_were()
    {
        var yaml = ColdStartYaml().Replace("\nsplits:\n", """

              - name: world
                source: synthetic:tiny
            splits:

            """, StringComparison.Ordinal);
        var unrestricted = Plan(yaml);
        var plan = Plan(yaml.Replace("""
              - name: content
                kind: user-knn-implicit
            """, """
              - name: content
                kind: user-knn-implicit
              - name: oracle
                kind: oracle
                datasets: [world]
            """, StringComparison.Ordinal));

        // 4 (split, size) tables on 2 datasets for the two unrestricted algorithms, the oracle on the world's 4 only.
        Assert.Equal(unrestricted.Cells.Count + 4, plan.Cells.Count);
        Assert.All(plan.Cells.Where(c => c.Algorithm == "oracle"), c => Assert.Equal("world", c.Dataset));
        Assert.Equal(unrestricted.Cells.Select(c => c.Id), plan.Cells.Where(c => c.Algorithm != "oracle").Select(c => c.Id));
        var result = await Run(plan, _temp["restricted"]);
        Assert.Equal(plan.Cells.Count, result.Succeeded);
        var summary = Read(_temp["restricted"], "summary.md");
        var tinyCurve = Section(summary, "## Cold-start curve: ndcg@5 · tiny · cold");
        var worldCurve = Section(summary, "## Cold-start curve: ndcg@5 · world · cold");
        Assert.DoesNotContain("oracle", tinyCurve, StringComparison.Ordinal);
        Assert.Contains("| oracle |", worldCurve, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a", worldCurve + tinyCurve, StringComparison.Ordinal);

        static string Section(string md, string heading)
        {
            var start = md.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(start >= 0, heading);
            var end = md.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            return md[start..(end < 0 ? md.Length : end)];
        }
    }

    [Fact]
    public void A_baseline_that_skips_a_dataset_is_refused()
    {
        var yaml = ColdStartYaml().Replace("    kind: most-popular\n", "    kind: most-popular\n    datasets: [elsewhere]\n", StringComparison.Ordinal);
        var errors = Assert.Throws<ExperimentConfigException>(() => Plan(yaml)).Errors.Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.Contains("'elsewhere' is not a dataset of this file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the baseline 'pop' does not run on dataset 'tiny'", StringComparison.Ordinal));
    }

    [Fact]
    public void Cells_without_onboarding_or_buckets_keep_their_ids()
    {
        var yaml = ColdStartYaml();
        var plain = yaml.Replace("    onboarding: [0, 2, 5]\n", "").Replace("  activity_buckets: [1, 12, 16]\n", "");
        Assert.DoesNotContain("onboarding", plain);
        var before = Plan(plain.Replace("cold-users:0.3", "cold-users:0.3:onboard=5")).Cells;
        var withSizes = Plan(yaml.Replace("  activity_buckets: [1, 12, 16]\n", "")).Cells;
        // The warm split's cells are untouched by the cold split's sizes.
        Assert.Equal(before.Where(c => c.Split == "warm").Select(c => c.Id), withSizes.Where(c => c.Split == "warm").Select(c => c.Id));
        Assert.DoesNotContain(withSizes, c => before.Any(b => b.Id == c.Id && c.Onboarding is not null));
    }

    [Fact]
    public async Task A_split_with_more_folds_than_the_data_has_runs_none_of_its_cells_and_says_so_once_naming_the_split_in_the_file()
    {
        // kfold:K above the number of interactions leaves folds that test nothing: found when the data is read, before
        // any cell runs (the fault campaign's kfold:1000 ran 394 folds' cells and then printed 606 errors, one per empty fold).
        var six = _temp.Write("six.csv", "userId,movieId,rating\n1,1,5\n1,2,4\n2,1,3\n2,3,5\n3,2,4\n3,3,2\n");
        var yaml = $$"""
            version: 1
            name: k
            datasets: [{name: six, source: {{six}}}]
            splits:
              - spec: kfold:8
              - spec: kfold:3
            algorithms: [{kind: most-popular}]
            metrics: [ndcg@10]
            """;

        var result = await Run(Plan(yaml), _temp["k"], jobs: 1);

        // The other split runs.
        Assert.Equal(3, result.Succeeded);
        var notRun = Assert.Single(result.DatasetFailures);
        Assert.Equal(("six", "kfold:8", 8), (notRun.Dataset, notRun.Split, notRun.Cells));
        const string error = "test.yaml:5:11: splits[0].spec: Split 'kfold:8' deals 8 test folds, but dataset 'six' has 6 interactions, " +
            "so some folds would test nothing. Use at most 6 folds.";
        Assert.Equal(error, notRun.Error);
        // Each of its cells is recorded as failed with that error, so a rerun after the fix runs them.
        Assert.Equal(Enumerable.Repeat("ArgumentException: " + error, 8), result.Failures.Select(f => f.Error));
        Assert.All(result.Failures, f => Assert.Equal("kfold:8", f.Cell.Split));
    }
}
