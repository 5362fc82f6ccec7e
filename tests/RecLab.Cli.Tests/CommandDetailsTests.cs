namespace RecLab.Cli.Tests;

/// <summary><c>reclab --help</c> is one screen; each command's reference stays in its own help.</summary>
public sealed class CommandDetailsTests
{
    [Fact]
    public async Task Root_help_lists_every_command_on_one_screen_of_80_columns()
    {
        var (code, output, _) = await CliRun.Reclab("--help");
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.True(lines.Length <= 24, $"{lines.Length} lines:\n{output}");
        foreach (var command in new[] { "data", "eval", "run", "merge", "report", "schema", "algorithms", "notebook", "ab", "bench" })
            Assert.Contains(lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        // Past the 20-column name column, a description that fits in 60 characters does not wrap in an 80-column terminal.
        var commands = lines.SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0);
        Assert.All(commands, l => Assert.True(l.Replace(" [default: experiments.yaml]", "").TrimEnd().Length <= 80, l));
        Assert.DoesNotContain("holdout[:F]", output);
    }

    [Fact]
    public async Task Eval_help_keeps_the_split_and_metric_reference_after_its_options()
    {
        var (code, output, _) = await CliRun.Reclab("eval", "--help");
        Assert.Equal(0, code);
        var options = output.IndexOf("--data", StringComparison.Ordinal);
        var splits = output.IndexOf("Splits:", StringComparison.Ordinal);
        Assert.True(options >= 0 && splits > options, output);
        Assert.Contains("user-holdout[:F]", output);
        Assert.Contains("lenskit-ndcg@N", output);
    }
}
