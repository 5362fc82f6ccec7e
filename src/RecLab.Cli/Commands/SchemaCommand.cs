using System.CommandLine;
using RecLab.Experiments.Configuration;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab schema</c>: the experiment file reference (Markdown), generated from the schema records and the registry.</summary>
internal static class SchemaCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("schema", "Print the reference of experiment files (Markdown).");
        command.WithDetails("Markdown: every key with its type, default and meaning, every algorithm's options, split specs and metrics. " +
            "docs/experiments-schema.md is this output.");
        command.SetAction(_ =>
        {
            terminal.Out.Write(SchemaDocument.Render());
            return ExitCodes.Success;
        });
        return command;
    }
}
