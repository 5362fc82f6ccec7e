using System.CommandLine;
using System.Globalization;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
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
        var command = new Command("run", "Run an experiment file: every (dataset, split, fold, algorithm, grid point, repeat) cell, in parallel, resumable and shardable; " +
            "writes results.csv, summary.md, timings.md and manifest.json. 'reclab schema' documents the file.")
        {
            file, output, jobs, shard, fresh, dryRun, set,
        };
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
                ? await ExperimentRunner.RunAsync(plan, options with { Progress = RunView.PlainProgress(terminal, plan) }, ct)
                : await RunView.Live(terminal, plan, options, ct);
            return RunView.Finish(terminal, result);
        }));
        return command;
    }
}
