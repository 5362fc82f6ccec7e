using System.CommandLine;
using RecLab.Experiments.Configuration;
using RecLab.Recommenders;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab algorithms [NAME]</c>: the registered algorithms and their options.</summary>
internal static class AlgorithmsCommand
{
    public static Command Create(Terminal terminal)
    {
        var name = new Argument<string?>("name") { Description = "Show only this algorithm's options.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("algorithms", "List the algorithms and their options.")
        {
            name,
        };
        command.WithDetails("The names are the 'kind' of an experiment file's algorithms and the NAME of 'reclab eval --algo NAME:key=value'.");
        command.SetAction(parse => Guard.Run(terminal, () =>
        {
            var registry = RecommenderRegistry.Default;
            var selected = parse.GetValue(name) is { } one ? [registry.Get(one)] : registry.All;
            foreach (var info in selected)
            {
                terminal.Console.MarkupLine($"[bold]{Markup.Escape(info.Name)}[/] ({Accepts(info.Accepts)}): {Markup.Escape(info.Description)}");
                if (info.Options.Count == 0)
                {
                    terminal.Console.WriteLine("  no options");
                    continue;
                }
                var table = new Table().AddColumns("option", "type", "default", "description");
                foreach (var o in info.Options)
                    table.AddRow(Markup.Escape(YamlNames.Snake(o.Name)), Markup.Escape(o.Type), Markup.Escape(o.Default), Markup.Escape(o.Description ?? ""));
                terminal.Console.Write(table);
            }
            if (selected.Count > 1)
                terminal.Console.WriteLine("Options are set in an experiment file's 'options:' block (or searched under 'grid:'), or as --algo NAME:key=value in 'reclab eval'.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Accepts(Data.FeedbackKinds kinds) => kinds switch
    {
        Data.FeedbackKinds.Explicit => "explicit ratings",
        Data.FeedbackKinds.Implicit => "implicit feedback",
        _ => "explicit or implicit",
    };
}
