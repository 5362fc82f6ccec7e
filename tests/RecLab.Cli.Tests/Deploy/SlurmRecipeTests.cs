using System.Diagnostics;
using System.Text.RegularExpressions;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;

namespace RecLab.Cli.Tests.Deploy;

/// <summary>
/// The README's Slurm recipe (deploy/slurm, shown there as it is) on a real Slurm: the shards as a job array and the merge
/// as a job after them, with outputs byte-identical to one process; and a shard cancelled mid-run leaves the merge unrun,
/// while rerunning only that task (it resumes) and merging, as submit.sh then says, gives the same bytes.
/// </summary>
public sealed partial class SlurmRecipeTests(LocalSlurm slurm) : IClassFixture<LocalSlurm>
{
    private static readonly string SlurmFolder = Path.Combine(RecLab.Tests.Support.SharedData.RepoRoot, "deploy", "slurm");
    private static readonly string[] Compared = ["results.csv", "comparisons.csv", "summary.md"];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Submit_runs_the_shards_as_an_array_job_then_the_merge_giving_the_bytes_of_one_process()
    {
        SkipUnlessAvailable();
        var folder = slurm.NewFolder("clean");
        var submit = await ProcessRun.Run(Path.Combine(SlurmFolder, "submit.sh"), LocalSlurm.Experiment, folder, slurm.Environment);
        Assert.True(submit.Code == 0, $"submit.sh exited {submit.Code}:\n{submit.Output}\n{Logs(folder)}");
        var array = ArrayJob(submit.Output);
        var merge = Regex.Match(submit.Output, @"merge: job (\d+) COMPLETED").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(merge), submit.Output);

        var tasks = await TaskStates(array);
        Assert.Equal(["0 COMPLETED", "1 COMPLETED", "2 COMPLETED"], tasks);
        Assert.Contains("merged 16 of 16 cells", File.ReadAllText(Path.Combine(folder, $"slurm-{merge}.out")));
        AssertSameBytesAsOneProcess(Path.Combine(folder, "results", "merged"));
        TestContext.Current.SendDiagnosticMessage(
            $"slurm: array job {array} ran shards {string.Join(", ", tasks)}; merge job {merge} (afterok) COMPLETED; " +
            $"{string.Join(", ", Compared)} (with the A/B section) equal one process's byte for byte");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_shard_cancelled_mid_run_leaves_the_merge_unrun_and_rerunning_only_it_then_merging_gives_the_same_bytes()
    {
        SkipUnlessAvailable();
        var folder = slurm.NewFolder("cancelled");
        // The shard that owns the A/B test: once its cells are written it simulates for seconds, a window to cancel it in.
        var plan = ExperimentPlan.Create(ExperimentFile.Load(LocalSlurm.Experiment[0], [LocalSlurm.Experiment[2]]));
        var index = Enumerable.Range(0, 3).Single(i => new ShardSpec(i, 3).Select(plan).AbTests.Count == 1);
        var cellsOfShard = new ShardSpec(index, 3).Select(plan).Cells.Count;

        using var submit = Process.Start(ProcessRun.StartInfo(Path.Combine(SlurmFolder, "submit.sh"), LocalSlurm.Experiment, folder, slurm.Environment))!;
        var ct = TestContext.Current.CancellationToken;
        var output = submit.StandardOutput.ReadToEndAsync(ct);
        var error = submit.StandardError.ReadToEndAsync(ct);
        var shard = Path.Combine(folder, "shards", index.ToString());
        var cells = Path.Combine(shard, "cells");
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(cells) && Directory.GetFiles(cells, "*.json").Length == cellsOfShard))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5) && !submit.HasExited, $"shard {index} wrote no cells in time\n{Logs(folder)}");
            await Task.Delay(100, ct);
        }
        var array = await ArrayJobOf(folder);
        Assert.False(File.Exists(Path.Combine(shard, "manifest.json")));
        var cancel = await ProcessRun.Run("scancel", [$"{array}_{index}"], folder);
        Assert.True(cancel.Code == 0, cancel.Output);
        await submit.WaitForExitAsync(ct);
        var said = await output + await error;

        // afterok: the merge was cancelled without running, and submit.sh says so and how to go on.
        Assert.True(submit.ExitCode == 1, $"submit.sh exited {submit.ExitCode}:\n{said}");
        var merge = Regex.Match(said, @"merge: job (\d+) CANCELLED").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(merge), said);
        Assert.Contains("Reason=DependencyNeverSatisfied", (await ProcessRun.Run("scontrol", ["show", "job", merge], folder)).Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")), "the merge ran");
        Assert.Contains($"{index} CANCELLED", await TaskStates(array));
        Assert.False(File.Exists(Path.Combine(shard, "ab", "popular-vs-als", "test.json")), "the A/B test finished before the cancel");

        // The recovery submit.sh printed, with the task's index filled in.
        var recovery = Regex.Match(said, @"^  (scontrol requeue \S+_INDEX && .*)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(recovery), said);
        var rerun = await ProcessRun.Run("bash", ["-c", recovery.Replace("INDEX", index.ToString(), StringComparison.Ordinal)], folder, slurm.Environment);
        Assert.True(rerun.Code == 0, $"{recovery} exited {rerun.Code}:\n{rerun.Output}\n{Logs(folder)}");
        Assert.Equal(["0 COMPLETED", "1 COMPLETED", "2 COMPLETED"], await TaskStates(array));
        var log = File.ReadAllText(Path.Combine(folder, $"slurm-{array}_{index}.out"));
        Assert.Contains($"0 cells run (0 ok, 0 failed), {cellsOfShard} reused of {cellsOfShard} in this shard", log);
        AssertSameBytesAsOneProcess(Path.Combine(folder, "results", "merged"));
        TestContext.Current.SendDiagnosticMessage(
            $"slurm: task {array}_{index} cancelled mid-run (its {cellsOfShard} cells written, the A/B test running); merge job {merge} " +
            $"cancelled unrun (DependencyNeverSatisfied); requeued task resumed and the merge after it equals one process byte for byte");
    }

    private void SkipUnlessAvailable()
    {
        if (slurm.Unavailable is { } reason)
            RecLab.Tests.Support.TestSkip.Because(reason);
    }

    private void AssertSameBytesAsOneProcess(string merged)
    {
        foreach (var file in Compared)
            Assert.True(File.ReadAllBytes(Path.Combine(slurm.OneProcess, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))),
                $"{file} of the merged shards differs from one process's");
        Assert.Contains("## A/B test · popular-vs-als", File.ReadAllText(Path.Combine(merged, "summary.md")));
    }

    private static string ArrayJob(string submitOutput)
    {
        var match = ArrayLine().Match(submitOutput);
        Assert.True(match.Success, submitOutput);
        return match.Groups[1].Value;
    }

    /// <summary>The array job id from the slurm-ID_i.out logs its tasks write in the submission folder.</summary>
    private static async Task<string> ArrayJobOf(string folder)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var log = Directory.GetFiles(folder, "slurm-*_*.out").Select(Path.GetFileName).FirstOrDefault();
            if (log is not null)
                return log["slurm-".Length..log.IndexOf('_')];
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new InvalidOperationException($"no task log in {folder}");
    }

    /// <summary>"INDEX STATE" of every task of the array job, by index.</summary>
    private static async Task<List<string>> TaskStates(string array)
    {
        var show = await ProcessRun.Run("scontrol", ["-o", "show", "job", array], ".");
        Assert.True(show.Code == 0, show.Output);
        return TaskState().Matches(show.Output).Select(m => $"{m.Groups["task"].Value} {m.Groups["state"].Value}").Order(StringComparer.Ordinal).ToList();
    }

    private static string Logs(string folder) => string.Join("\n", Directory.GetFiles(folder, "slurm-*.out").Order(StringComparer.Ordinal)
        .Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    [GeneratedRegex(@"^shards: array job (\d+)$", RegexOptions.Multiline)]
    private static partial Regex ArrayLine();

    [GeneratedRegex(@"ArrayTaskId=(?<task>\d+) .*?JobState=(?<state>[A-Z_]+)")]
    private static partial Regex TaskState();
}
