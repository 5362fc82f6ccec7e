using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace RecLab.Cli;

/// <summary>
/// Reference text shown under a command's own <c>--help</c>, after its options, but not in its parent's command list,
/// which shows only the one-line description: <c>reclab --help</c> stays one screen while <c>reclab eval --help</c>
/// still lists every split and metric.
/// </summary>
internal static class CommandDetails
{
    private static readonly ConditionalWeakTable<Command, string> Details = new();

    /// <summary>Attaches <paramref name="details"/> to <paramref name="command"/>'s own help.</summary>
    public static Command WithDetails(this Command command, string details)
    {
        Details.AddOrUpdate(command, details);
        return command;
    }

    /// <summary>Makes the root's (recursive) help option print each command's details after the standard help.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new DetailedHelp((HelpAction)help.Action!);
    }

    private sealed class DetailedHelp(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            if (Details.TryGetValue(parseResult.CommandResult.Command, out var details))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(details.TrimEnd());
                output.WriteLine();
            }
            return code;
        }
    }
}
