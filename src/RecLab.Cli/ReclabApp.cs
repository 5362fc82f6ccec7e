using System.CommandLine;
using RecLab.Cli.Commands;

namespace RecLab.Cli;

/// <summary>The <c>reclab</c> command tree; thin: every command calls the libraries and formats their results.</summary>
internal sealed class ReclabApp
{
    private readonly Terminal _terminal;
    private readonly RootCommand _root;

    private ReclabApp(Terminal terminal)
    {
        _terminal = terminal;
        _root = new RootCommand("RecLab: compare recommenders honestly, and see what they do to real users.\n" + ExitCodes.Help)
        {
            DataCommand.Create(terminal),
            EvalCommand.Create(terminal),
            RunCommand.Create(terminal),
            MergeCommand.Create(terminal),
            ReportCommand.Create(terminal),
            SchemaCommand.Create(terminal),
            AlgorithmsCommand.Create(terminal),
            NotebookCommand.Create(terminal),
            AbPlanCommand.CreateGroup(terminal),
            BenchCommand.Create(terminal),
        };
        _root.WithDetails("Start with 'reclab run experiments.yaml' (the default suite, on a generated world: no download), " +
            "then 'reclab COMMAND --help'.");
        CommandDetails.Install(_root);
    }

    public static ReclabApp Create(TextWriter output, TextWriter error, bool? plain = null) =>
        new(new Terminal(output, error, plain ?? Terminal.ShouldBePlain()));

    public async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var parse = _root.Parse(args);
        // Our own handler below: System.CommandLine's prints the trace and exits 1, which a script would read as "some cells failed".
        var config = new InvocationConfiguration { Output = _terminal.Out, Error = _terminal.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                _terminal.Fail(e.Message);
            _terminal.Error.WriteLine("Run 'reclab --help' for usage.");
            return ExitCodes.InvalidInput;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await parse.InvokeAsync(config, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            _terminal.Fail("stopped (Ctrl-C); completed work was kept.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // Expected failures become one line in Guard; anything else is a bug, reported with what a fix needs.
            _terminal.Fail($"internal error, a bug in RecLab (please report it with the lines below): {e.GetType().Name}: {e.Message}");
            _terminal.Error.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
