using System.CommandLine;
using System.Globalization;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Export;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab notebook run|export</c>: notebooks executed headlessly, or turned into file-based apps.</summary>
internal static class NotebookCommand
{
    public static Command Create(Terminal terminal) =>
        new("notebook", "Run notebooks headlessly, or export them as C# apps.")
        {
            Run(terminal),
            Export(terminal),
        };

    private static Command Run(Terminal terminal)
    {
        var notebooks = new Argument<string[]>("notebook") { Description = "The .ipynb files to run, in order.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output")
        {
            Description = "Folder for the executed copies (NAME.ipynb) and their pages (NAME.html); default: out/ beside each notebook.",
        };
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE for a variable of the cell tagged 'parameters' (repeat for several), e.g. --param sample=tiny.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run",
            "Run notebooks top to bottom (C# cells, shared state), as a notebook kernel would but without one: outputs, recorded " +
            "results, an executed copy and a standalone HTML page. Exit 1 when a cell fails (the message names notebook and cell).")
        {
            notebooks, output, parameters,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, async () =>
        {
            var values = ParseParameters(parse.GetValue(parameters) ?? []);
            var paths = parse.GetValue(notebooks)!;
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                    throw new FileNotFoundException($"Notebook not found: {path}");
            }

            var runner = new NotebookRunner();
            var exit = ExitCodes.Success;
            foreach (var path in paths)
            {
                NotebookRun run;
                try
                {
                    // Cell by cell in a terminal; CI logs get one line per notebook.
                    var progress = terminal.Plain
                        ? null
                        : new SynchronousProgress<CellProgress>(p => terminal.Error.WriteLine(
                            $"  cell {p.CellNumber}/{p.CellCount} ({p.CellId}): {p.Elapsed.TotalSeconds:0.0} s"));
                    run = await runner.RunAsync(path, new NotebookRunOptions { Parameters = values, Progress = progress }, ct);
                }
                catch (Exception e) when (e is NotebookException or NotebookFormatException)
                {
                    terminal.Fail(e.Message);
                    exit = Math.Max(exit, ExitCodes.InvalidInput);
                    continue;
                }

                foreach (var warning in run.Warnings)
                    terminal.Warn(warning);
                var folder = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "out");
                var (executed, html) = run.Save(folder);
                var recorded = string.Join(", ", run.Recorded.Select(r => $"{r.Key} = {Shown(r.Value)}"));
                if (run.Failure is { } failure)
                {
                    terminal.Fail(failure.ToString());
                    exit = Math.Max(exit, ExitCodes.PartialFailure);
                }
                else
                {
                    terminal.Out.WriteLine($"{path}: ran in {run.Elapsed.TotalSeconds:0.0} s" + (recorded.Length > 0 ? $"; recorded {recorded}" : ""));
                }

                terminal.Out.WriteLine($"  wrote {executed} and {html}");
            }

            return exit;
        }));
        return command;
    }

    private static Command Export(Terminal terminal)
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb file to export." };
        var to = new Option<string>("--to") { Description = "The target: cs (a .NET 10 file-based app, run with `dotnet run FILE.cs`).", Required = true };
        to.AcceptOnlyFromAmong("cs");
        var output = new Option<string?>("--output") { Description = "The file to write; default: the notebook's path with .cs." };
        var command = new Command("export",
            "Export a notebook as a C# file-based app: #:project directives to the RecLab projects, code cells as regions, markdown as comments.")
        {
            notebook, to, output,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, () =>
        {
            var path = parse.GetValue(notebook)!;
            var target = parse.GetValue(output) ?? Path.ChangeExtension(path, ".cs");
            try
            {
                FileBasedApp.Write(path, target);
            }
            catch (Exception e) when (e is NotebookException or NotebookFormatException)
            {
                terminal.Fail(e.Message);
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            terminal.Out.WriteLine($"wrote {target}; run it with: dotnet run {target}");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static Dictionary<string, string> ParseParameters(string[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new ArgumentException($"--param {pair}: expected NAME=VALUE, e.g. --param sample=tiny.");
            values[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        return values;
    }

    private static string Shown(object value) => value is double d ? d.ToString("0.####", CultureInfo.InvariantCulture) : value.ToString() ?? "";
}
