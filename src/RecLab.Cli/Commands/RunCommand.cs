using System.CommandLine;
using System.Globalization;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reproduction;
using RecLab.Experiments.Results;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab run [FILE]</c>: validate an experiment file, then run its cells (or list them with --dry-run).</summary>
internal static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("file") { Description = "The experiment file.", DefaultValueFactory = _ => "experiments.yaml" };
        var output = new Option<string?>("--output") { Description = "Results folder (default: OUTPUT/NAME from the file)." };
        var jobs = new Option<int>("--jobs") { Description = "Cells run in parallel; each gets cores/jobs threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Run only share i of n (0-based i/n, e.g. 0/3): cells sorted by id, dealt round-robin. Join shards with 'reclab merge'." };
        var fresh = new Option<bool>("--fresh") { Description = "Rerun cells that already have a result (default: skip them, resuming an interrupted run)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate, list the cells with their status and a rough cost estimate, run nothing." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a scalar before validation: key.path=value, items by [index] or [name], e.g. --set seed=7 --set datasets[0].source=synthetic:tiny.",
            AllowMultipleArgumentsPerToken = false,
        };
        var check = new Option<string?>("--check")
        {
            Description = "After the run, compare it with expected figures (a CSV such as experiments/reproduce/expected/*.csv: " +
                "algorithm,metric,reference,below,above,source); print a pass/fail table, write check.md, exit 1 when a figure is out of its band.",
        };
        var command = new Command("run", "Run an experiment file: parallel, resumable, shardable.")
        {
            file, output, jobs, shard, fresh, dryRun, set, check,
        };
        command.WithDetails("Every (dataset, split, fold, algorithm, grid point, repeat) is a cell, written to the results folder as it finishes " +
            "(a rerun resumes); a complete run writes results.csv, summary.md, report.html, timings.md and manifest.json. " +
            "'reclab schema' documents the file.");
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, async () =>
        {
            var path = parse.GetValue(file)!;
            ExperimentPlan plan;
            try
            {
                plan = ExperimentPlan.Create(ExperimentFile.Load(path, parse.GetValue(set) ?? []));
            }
            catch (ExperimentConfigException e)
            {
                foreach (var error in e.Errors)
                    terminal.Error.WriteLine(error.ToString());
                terminal.Fail($"{e.Errors.Count} problem{(e.Errors.Count == 1 ? "" : "s")} in {path}; nothing was run. 'reclab schema' documents every key.");
                return ExitCodes.InvalidInput;
            }
            // Read before running, so a bad file costs nothing.
            var figures = parse.GetValue(check) is { } checkPath ? ReferenceFigures.Load(checkPath) : null;
            if (parse.GetValue(jobs) < 1)
                throw new ArgumentException("--jobs must be at least 1.");
            var options = new RunOptions
            {
                Jobs = parse.GetValue(jobs),
                Shard = parse.GetValue(shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.All,
                Fresh = parse.GetValue(fresh),
                OutputDirectory = parse.GetValue(output),
            };
            if (parse.GetValue(dryRun))
            {
                RunView.DryRun(terminal, plan, DryRun.Describe(plan, options));
                return ExitCodes.Success;
            }
            var result = terminal.Plain
                ? await ExperimentRunner.RunAsync(plan, options with
                {
                    Progress = RunView.PlainProgress(terminal.Out), AbProgress = RunView.AbProgress(terminal.Out.WriteLine),
                }, ct)
                : await RunView.Live(terminal, plan, options, ct);
            var code = RunView.Finish(terminal, result);
            return figures is null || code == ExitCodes.Cancelled ? code : Check(terminal, plan, result, figures, code);
        }));
        return command;
    }

    private static int Check(Terminal terminal, ExperimentPlan plan, RunResult result, IReadOnlyList<ReferenceFigure> figures, int code)
    {
        if (!result.ReportWritten)
        {
            terminal.Fail("--check needs the whole run: merge the shards, then rerun without --shard (finished cells are reused).");
            return ExitCodes.PartialFailure;
        }
        var comparison = ReferenceCheck.Compare(ExperimentResults.Load(plan, new CellStore(result.OutputDirectory)), figures);
        var markdown = comparison.ToMarkdown();
        AtomicFile.WriteAllText(Path.Combine(result.OutputDirectory, "check.md"), markdown);
        terminal.Out.WriteLine();
        terminal.Out.Write(markdown);
        var failed = comparison.Rows.Count(r => !r.Passed);
        if (failed == 0)
        {
            terminal.Out.WriteLine($"check: all {comparison.Rows.Count} figures within their bands.");
            return code;
        }
        terminal.Fail($"check: {failed} of {comparison.Rows.Count} figures outside their bands (table above and in check.md).");
        return ExitCodes.PartialFailure;
    }
}
