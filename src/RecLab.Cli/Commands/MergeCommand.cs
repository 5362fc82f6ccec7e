using System.CommandLine;
using RecLab.Experiments.Execution;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab merge DIR...</c>: join the results folders of shards into one and write the reports.</summary>
internal static class MergeCommand
{
    public static Command Create(Terminal terminal)
    {
        var folders = new Argument<string[]>("folder") { Description = "Results folders of the shards (each holds experiment.yaml and cells/).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output") { Description = "Merged results folder (default: OUTPUT/NAME of the experiment)." };
        var command = new Command("merge", "Join the results folders of an experiment's shards.")
        {
            folders, output,
        };
        command.WithDetails("The shards must come from one experiment file with the same --set options. The merge writes results.csv, summary.md, " +
            "comparisons.csv, timings.md and manifest.json byte for byte as a single-process run does. Each A/B test comes from the shard that ran it.");
        command.SetAction(parse => Guard.Run(terminal, () =>
        {
            var result = ResultMerger.Merge(parse.GetValue(folders)!, parse.GetValue(output));
            terminal.Out.WriteLine($"merged {result.TotalCells - result.Missing} of {result.TotalCells} cells ({result.Copied} copied, {result.Failed} failed)" +
                (result.AbTests > 0 ? $" and {result.AbTests - result.AbTestsMissing} of {result.AbTests} A/B tests ({result.AbTestsCopied} copied)" : "") +
                $" into {result.OutputDirectory}");
            terminal.Out.WriteLine($"summary: {Path.Combine(result.OutputDirectory, "summary.md")}");
            if (result.Missing > 0)
                terminal.Fail($"{result.Missing} cells have no result in any folder: a shard is missing or unfinished. The reports list them.");
            if (result.AbTestsMissing > 0)
                terminal.Fail($"{result.AbTestsMissing} A/B test{(result.AbTestsMissing == 1 ? " has" : "s have")} no finished result for this configuration in any folder: " +
                    "a shard is missing, unfinished or its test failed. Rerun that shard, or the whole file without --shard (finished cells are reused), then merge again.");
            return result.Missing > 0 || result.AbTestsMissing > 0 || result.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        }));
        return command;
    }
}
