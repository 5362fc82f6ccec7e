using System.Globalization;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Reports;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary>How <c>reclab run</c> shows a run: a live display in a terminal, one plain line per cell otherwise.</summary>
internal static class RunView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>[12/40] ml-latest-small kfold:5 fold 2 item-knn neighbors=40  ndcg@10=0.0710  3.2s</c>, on the caller's thread.</summary>
    public static IProgress<RunProgress> PlainProgress(TextWriter writer)
    {
        var gate = new Lock();
        return new SynchronousProgress<RunProgress>(p =>
        {
            if (p.Event == RunEvent.Started)
                return;
            lock (gate)
                writer.WriteLine(Line(p));
        });
    }

    /// <summary>
    /// One line per step of each A/B test (the arms' fits, each pre-period and test day, retrains) with the seconds
    /// since the test started: <c>A/B popular-vs-als: day 3/14  4.2s</c>. A test otherwise runs for minutes unseen.
    /// </summary>
    public static IProgress<AbTestProgress> AbProgress(Action<string> write)
    {
        var clocks = new Dictionary<string, System.Diagnostics.Stopwatch>(StringComparer.Ordinal);
        var gate = new Lock();
        return new SynchronousProgress<AbTestProgress>(p =>
        {
            lock (gate)
            {
                if (!clocks.TryGetValue(p.Test, out var clock))
                    clocks[p.Test] = clock = System.Diagnostics.Stopwatch.StartNew();
                var step = p.Step;
                var what = (step.Stage, step.Arm) switch
                {
                    ("fit", { } arm) => $"fit {arm} ({step.Done + 1}/{step.Total})",
                    ("retrain", { } arm) => $"retrain {arm} ({step.Done + 1}/{step.Total})",
                    ("fit" or "retrain", null) => null,
                    ("pre-period", _) => step.Done == 0 ? null : $"pre-period day {step.Done}/{step.Total}",
                    (_, _) => step.Done == 0 ? null : $"day {step.Done}/{step.Total}",
                };
                if (what is not null)
                    write($"A/B {p.Test}: {what}  {clock.Elapsed.TotalSeconds.ToString("0.0", Inv)}s");
            }
        });
    }

    private static string Line(RunProgress p)
    {
        var head = $"[{p.Done}/{p.Total}] {p.Cell.Describe(p.Repeats)}";
        var record = p.Record!;
        if (p.Event == RunEvent.Failed)
            return $"{head}  FAILED: {record.Error}";
        var first = record.Metrics.FirstOrDefault(m => !double.IsNaN(m.Value)) ?? record.Metrics.FirstOrDefault();
        // A model that cannot compute any of the metrics (ALS has no rating to score by RMSE) gets the report's "n/a".
        var metric = first is null ? "" : $"{first.Name}={(double.IsNaN(first.Value) ? "n/a" : first.Value.ToString("0.0000", Inv))}";
        return $"{head}  {metric}  {(record.FitSeconds + record.EvaluationSeconds).ToString("0.0", Inv)}s";
    }

    /// <summary>Runs with a Spectre progress display: the overall bar with ETA, and one line per running cell.</summary>
    public static async Task<RunResult> Live(Terminal terminal, ExperimentPlan plan, RunOptions options, CancellationToken ct)
    {
        RunResult? result = null;
        await terminal.Console.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var gate = new Lock();
                var overall = context.AddTask("cells", maxValue: 1);
                var running = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress<RunProgress>(p =>
                {
                    lock (gate)
                    {
                        overall.MaxValue = Math.Max(1, p.Total);
                        overall.Value = p.Done;
                        overall.Description = $"{p.Done}/{p.Total} cells" + (p.Failed > 0 ? $", [red]{p.Failed} failed[/]" : "");
                        if (p.Event == RunEvent.Started)
                        {
                            var task = context.AddTask("  " + Markup.Escape(p.Cell.Describe(p.Repeats)), maxValue: 1);
                            task.IsIndeterminate = true;
                            running[p.Cell.Id] = task;
                        }
                        else if (running.Remove(p.Cell.Id, out var task))
                        {
                            task.IsIndeterminate = false;
                            task.Value = 1;
                            task.StopTask();
                            terminal.Console.MarkupLine(p.Event == RunEvent.Failed ? $"[red]{Markup.Escape(Line(p))}[/]" : Markup.Escape(Line(p)));
                        }
                    }
                });
                var abProgress = AbProgress(line => terminal.Console.MarkupLine(Markup.Escape(line)));
                result = await ExperimentRunner.RunAsync(plan, options with { Progress = progress, AbProgress = abProgress }, ct);
                overall.Value = overall.MaxValue;
                overall.StopTask();
            });
        return result!;
    }

    /// <summary>The final summary line, the failures, and the exit code.</summary>
    public static int Finish(Terminal terminal, RunResult result)
    {
        var unloaded = result.DatasetFailures.Where(d => d.Split is null).Sum(d => d.Cells);
        var unsplit = result.DatasetFailures.Where(d => d.Split is not null).Sum(d => d.Cells);
        var ran = result.Succeeded + result.Failures.Count - unloaded - unsplit;
        var line = $"{ran} cell{(ran == 1 ? "" : "s")} run ({result.Succeeded} ok, {result.Failures.Count - unloaded - unsplit} failed)" +
            (unloaded > 0 ? $", {unloaded} not run (their data did not load)" : "") +
            (unsplit > 0 ? $", {unsplit} not run (their split has more folds than their data has interactions)" : "") +
            $", {result.Reused} reused of {result.ShardCells}" +
            (result.ShardCells != result.TotalCells ? $" in this shard ({result.TotalCells} in all)" : "") +
            $", {FormatTime(result.Elapsed)}" +
            (result.ShardAbTests > 0 ? $", {result.AbTestsRun} A/B test{(result.AbTestsRun == 1 ? "" : "s")} run ({result.AbTestFailures.Count} failed), " +
                $"{result.ShardAbTests - result.AbTestsRun} reused" : "") +
            $"; results in {result.OutputDirectory}";
        terminal.Out.WriteLine(line);
        WarnSkippedLines(terminal, result);
        if (result.Cancelled)
        {
            terminal.Fail($"stopped (Ctrl-C): finished cells were kept in {result.OutputDirectory}; run the same command again to resume.");
            return ExitCodes.Cancelled;
        }
        if (result.ReportWritten)
        {
            terminal.Out.WriteLine($"summary: {Path.Combine(result.OutputDirectory, "summary.md")}");
            terminal.Out.WriteLine($"report:  {Path.Combine(result.OutputDirectory, HtmlReport.FileName)}");
        }
        else
            terminal.Out.WriteLine($"shard done: join the shards with 'reclab merge FOLDER...' to write the reports.");
        foreach (var (test, error) in result.AbTestFailures)
            terminal.Fail($"A/B test {test}: {error}");
        if (result.Failures.Count == 0)
            return result.AbTestFailures.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        foreach (var d in result.DatasetFailures)
            terminal.Fail($"dataset '{d.Dataset}'{(d.Split is null ? "" : $", split '{d.Split}'")} ({d.Cells} cell{(d.Cells == 1 ? "" : "s")} not run): {d.Error}");
        var cellFailures = result.Failures.Where(f => !result.DatasetFailures.Any(d =>
            d.Dataset == f.Cell.Dataset && (d.Split is null || d.Split == f.Cell.Split))).ToList();
        foreach (var f in cellFailures)
            terminal.Fail($"cell {f.Cell.Id} ({f.Cell.Describe(int.MaxValue)}): {f.Error}");
        if (cellFailures.Count > 0)
            terminal.Fail($"{cellFailures.Count} cell{(cellFailures.Count == 1 ? "" : "s")} failed; the others were kept. Details in the cell files; a rerun retries only the failures.");
        return ExitCodes.PartialFailure;
    }

    /// <summary>One warning per dataset that had malformed lines skipped (<c>skip_bad_lines</c>), with the first of them.</summary>
    public static void WarnSkippedLines(Terminal terminal, RunResult result)
    {
        foreach (var dataset in result.Datasets.Where(d => d.SkippedLines > 0))
            terminal.Warn($"dataset '{dataset.Name}': {dataset.SkippedLines:N0} malformed line{(dataset.SkippedLines == 1 ? "" : "s")} skipped (skip_bad_lines), the first: " +
                dataset.Skipped![0]);
    }

    /// <summary>The expanded cell table, the A/B tests, counts and a rough cost estimate that says what it has no basis for.</summary>
    public static void DryRun(Terminal terminal, ExperimentPlan plan, DryRunReport report)
    {
        terminal.Console.Write(report.Rows.Count <= MaxListedCells ? CellTable(plan, report) : GroupedCellTable(report));
        if (report.AbTests.Count > 0)
        {
            var tests = new Table().AddColumns("A/B test", "world", "days", "arms", "status", "est. s");
            foreach (var row in report.AbTests)
            {
                var t = row.Test.Test;
                tests.AddRow(Markup.Escape(t.Name), Markup.Escape(t.World), t.PreDays > 0 ? $"{t.PreDays} + {t.Days}" : t.Days.ToString(Inv),
                    Markup.Escape(string.Join(", ", row.Test.Arms.Select(a => a.Name))), row.Status, Seconds(row.EstimatedSeconds));
            }
            terminal.Console.Write(tests);
        }
        var config = plan.Config;
        terminal.Out.WriteLine($"{report.Rows.Count} cells" + (report.Rows.Count != report.TotalCells ? $" in this shard ({report.TotalCells} in all)" : "") +
            $": {config.Datasets.Count} dataset(s) x {config.Splits.Count} split(s) x folds x {plan.RepeatSeeds.Count} repeat(s) x {plan.Configurations.Count} configuration(s); " +
            $"{report.ToRun} to run, {report.Rows.Count - report.ToRun} already done; {report.DistinctFolds} folds to build." +
            (report.TotalAbTests == 0 ? ""
                : $" A/B tests: {report.AbTests.Count}" + (report.AbTests.Count != report.TotalAbTests ? $" in this shard ({report.TotalAbTests} in all)" : "") +
                  $", {report.AbTestsToRun} to run."));
        terminal.Out.WriteLine($"cost estimate: {Estimate(report)}. Results folder: {report.OutputDirectory}");
        if (report.FolderConflict is { } conflict)
            terminal.Warn($"{conflict}: a run there would refuse; give it its own folder with --output DIR, or pass --fresh to replace them.");
    }

    /// <summary>Above this many cells a dry run lists one row per (dataset, split, configuration) instead of one per cell.</summary>
    private const int MaxListedCells = 1_000;

    private static Table CellTable(ExperimentPlan plan, DryRunReport report)
    {
        var table = new Table().AddColumns("cell", "dataset", "split", "fold", "repeat", "algorithm", "status", "est. s");
        foreach (var row in report.Rows)
        {
            var c = row.Cell;
            table.AddRow(c.Id, Markup.Escape(c.Dataset), Markup.Escape(c.Split), $"{c.Fold + 1}/{c.FoldCount}", $"{c.Repeat + 1}/{plan.RepeatSeeds.Count}",
                Markup.Escape(c.Configuration), row.Status, Seconds(row.EstimatedSeconds));
        }
        return table;
    }

    private static Table GroupedCellTable(DryRunReport report)
    {
        var table = new Table().AddColumns("dataset", "split", "algorithm", "cells", "done", "failed", "pending", "est. s each")
            .Caption(string.Create(Inv, $"{report.Rows.Count:N0} cells, one row per dataset, split and configuration (--shard i/n lists a share cell by cell)"));
        foreach (var group in report.Rows.GroupBy(r => (r.Cell.Dataset, r.Cell.Split, r.Cell.Configuration)))
        {
            var rows = group.ToList();
            table.AddRow(Markup.Escape(group.Key.Dataset), Markup.Escape(group.Key.Split), Markup.Escape(group.Key.Configuration), rows.Count.ToString(Inv),
                rows.Count(r => r.Status == "done").ToString(Inv), rows.Count(r => r.Status == "failed").ToString(Inv),
                rows.Count(r => r.Status == "pending").ToString(Inv), Seconds(rows[0].EstimatedSeconds));
        }
        return table;
    }

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("0.0", Inv) : "?";

    private static string Estimate(DryRunReport report)
    {
        var toRun = report.ToRun + report.AbTestsToRun;
        if (toRun == 0)
            return "nothing to run, every cell" + (report.AbTests.Count > 0 ? " and A/B test" : "") + " is done";
        var unknown = report.CellsWithoutEstimate + report.AbTestsWithoutEstimate;
        if (unknown == toRun)
            return $"no basis for any of the {toRun} to run (no finished cell of the same dataset and algorithm" +
                (report.AbTestsToRun > 0 ? ", no finished A/B test on the same world" : "") + " in this folder)";
        var text = $"about {FormatTime(TimeSpan.FromSeconds(report.EstimatedWallSeconds))} with --jobs {report.Jobs} for the {toRun - unknown} with past timings";
        if (report.CellsWithoutEstimate > 0)
            text += $"; no basis for {report.CellsWithoutEstimate} cell{(report.CellsWithoutEstimate == 1 ? "" : "s")} (no finished cell of the same dataset and algorithm)";
        if (report.AbTestsWithoutEstimate > 0)
            text += $"; no basis for {report.AbTestsWithoutEstimate} A/B test{(report.AbTestsWithoutEstimate == 1 ? "" : "s")} (no finished test on the same world)";
        return text;
    }

    private static string FormatTime(TimeSpan t) =>
        t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds.ToString("0.0", Inv)}s";
}
