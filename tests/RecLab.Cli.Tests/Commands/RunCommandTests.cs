using System.Text.RegularExpressions;
using System.Globalization;
using System.Text;
using RecLab.Experiments.Configuration;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _file;

    public RunCommandTests()
    {
        // Three taste groups over 30 users and 24 items: enough structure for popularity to beat random.
        var csv = new StringBuilder("userId,movieId,rating\n");
        for (var u = 0; u < 30; u++)
            for (var i = 0; i < 24; i++)
                if ((u * 7 + i * 3) % 5 < 3 - i / 12)
                    csv.Append(CultureInfo.InvariantCulture, $"u{u},i{i},{(u % 3 == i % 3 ? 5 : 2)}\n");
        var data = _temp.Write("ratings.csv", csv.ToString());
        _file = _temp.Write("exp.yaml", $"""
            version: 1
            name: cli
            output: {_temp["results"]}
            datasets:
              - name: tiny
                source: {data}
                preprocessing:
                  implicit: true
            splits:
              - spec: user-kfold:2
            algorithms:
              - kind: most-popular
              - kind: random
            metrics: [ndcg@5, precision@5]
            evaluation:
              bootstrap_resamples: 100
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_plain_run_prints_one_line_per_cell_and_a_summary_line()
    {
        var (code, output, error) = await CliRun.Reclab("run", _file, "--jobs", "1");

        Assert.True(code == ExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\[1/4\] tiny user-kfold:2 fold 1 most-popular  ndcg@5=0\.\d{4}  \d+\.\ds$", lines[0]);
        Assert.Matches(@"^\[4/4\] tiny user-kfold:2 fold 2 random  ndcg@5=0\.\d{4}  \d+\.\ds$", lines[3]);
        Assert.StartsWith("4 cells run (4 ok, 0 failed), 0 reused of 4, ", lines[4]);
        Assert.DoesNotContain('\u001b', output);
        Assert.True(File.Exists(_temp["results/cli/summary.md"]));

        var (again, rerun, _) = await CliRun.Reclab("run", _file);
        Assert.Equal(ExitCodes.Success, again);
        Assert.StartsWith("0 cells run (0 ok, 0 failed), 4 reused of 4, ", rerun);
    }

    [Fact]
    public async Task A_metric_the_model_cannot_compute_prints_as_n_a_not_NaN()
    {
        var file = _temp.Write("als.yaml", File.ReadAllText(_file)
            .Replace("- kind: most-popular\n  - kind: random", "- kind: implicit-als\n    options:\n      factors: 4", StringComparison.Ordinal)
            .Replace("metrics: [ndcg@5, precision@5]", "metrics: [rmse]", StringComparison.Ordinal)
            .Replace("user-kfold:2", "holdout:0.2", StringComparison.Ordinal));

        var (code, output, error) = await CliRun.Reclab("run", file, "--jobs", "1");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Matches(@"^\[1/1\] tiny holdout:0\.2 implicit-als  rmse=n/a  \d+\.\ds$", output.Split('\n')[0]);
    }

    [Fact]
    public async Task Bad_data_is_one_error_line_naming_file_and_line_then_skip_bad_lines_runs()
    {
        File.AppendAllText(_temp["ratings.csv"], "u1,i1,five\n");

        var (code, output, error) = await CliRun.Reclab("run", _file, "--jobs", "1");

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.StartsWith("0 cells run (0 ok, 0 failed), 4 not run (their data did not load), 0 reused of 4, ", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: dataset 'tiny' (4 cells not run): {_temp["ratings.csv"]}:", line, StringComparison.Ordinal);
        Assert.Contains("skip_bad_lines: true", line, StringComparison.Ordinal);

        File.WriteAllText(_file, File.ReadAllText(_file).Replace("preprocessing:", "skip_bad_lines: true\n    preprocessing:", StringComparison.Ordinal));
        var (fixedCode, fixedOutput, warning) = await CliRun.Reclab("run", _file, "--jobs", "1", "--fresh");

        Assert.True(fixedCode == ExitCodes.Success, warning);
        Assert.Contains("4 cells run (4 ok, 0 failed), 0 reused of 4, ", fixedOutput, StringComparison.Ordinal);
        Assert.StartsWith("warning: dataset 'tiny': 1 malformed line skipped (skip_bad_lines), the first: ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_with_more_folds_than_interactions_is_one_error_line_and_its_cells_do_not_run()
    {
        var file = _temp.Write("folds.yaml", File.ReadAllText(_file).Replace("user-kfold:2", "kfold:400", StringComparison.Ordinal));

        var (code, output, error) = await CliRun.Reclab("run", file, "--jobs", "1");

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.StartsWith("0 cells run (0 ok, 0 failed), 800 not run (their split has more folds than their data has interactions), ", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^error: dataset 'tiny', split 'kfold:400' \(800 cells not run\): .*folds\.yaml:\d+:\d+: splits\[0\]\.spec: " +
            @"Split 'kfold:400' deals 400 test folds, but dataset 'tiny' has 360 interactions", line);
    }

    [Fact]
    public async Task An_a_b_test_prints_a_line_per_step_and_is_counted_in_the_summary_line()
    {
        var file = _temp.Write("ab.yaml", $"""
            version: 1
            name: ab
            output: {_temp["results"]}
            datasets:
              - name: world
                source: synthetic:tiny
            splits:
              - spec: user-holdout:0.2
            algorithms:
              - kind: most-popular
              - kind: random
            metrics: [ndcg@5]
            ab_tests:
              - name: t
                world: tiny
                days: 2
                pre_days: 1
                arms:
                  - algorithm: most-popular
                    traffic: 0.5
                  - algorithm: random
                    traffic: 0.5
            """);

        var (code, output, error) = await CliRun.Reclab("run", file, "--jobs", "1");

        Assert.True(code == ExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["fit most-popular (1/2)", "fit random (2/2)", "pre-period day 1/1", "day 1/2", "day 2/2"],
            lines.Where(l => l.StartsWith("A/B t: ", StringComparison.Ordinal)).Select(l => Regex.Replace(l["A/B t: ".Length..], @"  \d+\.\ds$", "")));
        Assert.Contains(", 1 A/B test run (0 failed), 0 reused; results in ", output, StringComparison.Ordinal);

        var (_, again, _) = await CliRun.Reclab("run", file);
        Assert.Contains(", 0 A/B tests run (0 failed), 1 reused; ", again, StringComparison.Ordinal);
        Assert.DoesNotContain("A/B t: ", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_cell_table_and_runs_nothing()
    {
        var (code, output, error) = await CliRun.Reclab("run", _file, "--dry-run", "--set", "repeats=2");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("│ cell ", output);
        Assert.Contains("│ 2/2    │ random ", output);
        Assert.Contains("8 cells: 1 dataset(s) x 1 split(s) x folds x 2 repeat(s) x 2 configuration(s); 8 to run, 0 already done; 4 folds to build.", output);
        Assert.Contains("cost estimate: no basis for any of the 8 to run (no finished cell of the same dataset and algorithm in this folder).", output);
        Assert.False(Directory.Exists(_temp["results"]));
    }

    [Fact]
    public async Task An_invalid_file_lists_every_problem_and_exits_2()
    {
        var (code, output, error) = await CliRun.Reclab("run", _file, "--set", "seed=-1", "--set", "algorithms[random].options.sede=3");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", output);
        Assert.Equal(
        [
            "--set seed=-1: seed: expected a non-negative integer, got '-1' (must not be negative)",
            "--set algorithms[random].options.sede=3: algorithms[1].options.sede: unknown option of random; it has no options",
            $"error: 2 problems in {_file}; nothing was run. 'reclab schema' documents every key.",
        ], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Shards_merge_into_the_reports_of_one_run()
    {
        for (var i = 0; i < 2; i++)
        {
            var (code, output, _) = await CliRun.Reclab("run", _file, "--shard", $"{i}/2", "--output", _temp[$"shard{i}"]);
            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("shard done: join the shards with 'reclab merge FOLDER...'", output);
        }
        var merged = await CliRun.Reclab("merge", _temp["shard0"], _temp["shard1"], "--output", _temp["merged"]);
        Assert.True(merged.Code == ExitCodes.Success, merged.Err);
        Assert.StartsWith("merged 4 of 4 cells (4 copied, 0 failed)", merged.Out);

        await CliRun.Reclab("run", _file);
        Assert.Equal(File.ReadAllText(_temp["results/cli/summary.md"]), File.ReadAllText(_temp["merged/summary.md"]));

        var page = File.ReadAllBytes(_temp["merged/report.html"]);
        var report = await CliRun.Reclab("report", _temp["merged"]);
        Assert.Equal(ExitCodes.Success, report.Code);
        Assert.Contains("summary.md", report.Out);
        Assert.Contains("report.html", report.Out);
        // Redrawn from the saved cells and manifest alone: the very same page.
        Assert.Equal(page, File.ReadAllBytes(_temp["merged/report.html"]));
    }

    [Fact]
    public async Task Ctrl_c_stops_cleanly_with_exit_130_and_keeps_finished_cells()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new CancelOnFirstCell(cts);
        using var error = new StringWriter();

        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(["run", _file, "--jobs", "1"], cts.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("stopped (Ctrl-C): finished cells were kept", error.ToString());
        var kept = Directory.GetFiles(_temp["results/cli/cells"]).Length;
        Assert.InRange(kept, 1, 3);
        var (again, rerun, _) = await CliRun.Reclab("run", _file);
        Assert.Equal(ExitCodes.Success, again);
        Assert.Contains($"{kept} reused of 4", rerun);
    }

    /// <summary>Output that cancels the run when the first finished cell is printed (as Ctrl-C would).</summary>
    private sealed class CancelOnFirstCell(CancellationTokenSource cts) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("[1/", StringComparison.Ordinal) == true)
                cts.Cancel();
        }
    }

    [Fact]
    public async Task Bad_run_options_exit_2()
    {
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.Reclab("run", _file, "--shard", "2/2")).Code);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.Reclab("run", _file, "--jobs", "0")).Code);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.Reclab("run", _temp["missing.yaml"])).Code);
    }

    [Fact]
    public async Task Schema_prints_the_reference_page()
    {
        var (code, output, _) = await CliRun.Reclab("schema");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(SchemaDocument.Render(), output);
    }

    [Fact]
    public async Task Algorithms_lists_every_registered_kind_with_its_options()
    {
        var (code, output, _) = await CliRun.Reclab("algorithms");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var name in Recommenders.RecommenderRegistry.Default.Names)
            Assert.Contains(name + " (", output);
        Assert.Contains("damping", output);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.Reclab("algorithms", "most-populr")).Code);
    }

    [Fact]
    public async Task Check_compares_the_run_with_expected_figures_and_fails_outside_a_band()
    {
        var (first, _, firstError) = await CliRun.Reclab("run", _file, "--jobs", "1");
        Assert.True(first == ExitCodes.Success, firstError);
        var header = "algorithm,metric,reference,below,above,source\n";
        var pass = _temp.Write("pass.csv", header + "most-popular,ndcg@5,0.5,0.5,0.5,anything in 0..1\n");
        var fail = _temp.Write("fail.csv", header + "most-popular,ndcg@5,2,0.1,,unreachable\n");
        var bad = _temp.Write("bad.csv", header + "most-popular,ndcg@5,high,0.1,,not a number\n");

        var (passed, passOut, passError) = await CliRun.Reclab("run", _file, "--check", pass);
        var (failed, failOut, failError) = await CliRun.Reclab("run", _file, "--check", fail);
        var (invalid, _, invalidError) = await CliRun.Reclab("run", _file, "--check", bad);

        Assert.True(passed == ExitCodes.Success, passError);
        Assert.Contains("| tiny | most-popular | ndcg@5 |", passOut);
        Assert.Contains("check: all 1 figures within their bands.", passOut);
        Assert.Equal(ExitCodes.PartialFailure, failed);
        Assert.Contains("| FAIL |", failOut);
        Assert.Contains("1 of 1 figures outside their bands", failError);
        Assert.Contains("FAIL", File.ReadAllText(_temp["results/cli/check.md"]));
        Assert.Equal(ExitCodes.InvalidInput, invalid);
        Assert.Contains("bad.csv:2: reference 'high' is not a number", invalidError);
    }
}
