using System.CommandLine;
using System.Globalization;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Export;
using RecLab.Notebooks.Rendering;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab notebook run|export</c>: notebooks executed headlessly, or turned into file-based apps.</summary>
internal static class NotebookCommand
{
    public static Command Create(Terminal terminal) =>
        new("notebook", "Run notebooks in .NET Interactive's kernel, or export them.")
        {
            Run(terminal),
            Export(terminal),
        };

    private static Command Run(Terminal terminal)
    {
        var notebooks = new Argument<string[]>("notebook")
        {
            Description = "The .ipynb files to run, in order; a folder runs every notebook below it (out/ folders left aside).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output")
        {
            Description = "Folder for the executed copies (NAME.ipynb) and their pages (NAME.html); default: out/ beside each notebook.",
        };
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE for a variable of the cell tagged 'parameters' (repeat for several), e.g. --param sample=tiny; " +
                          "a notebook that declares no NAME skips it with a warning.",
            AllowMultipleArgumentsPerToken = false,
        };
        var inPlace = new Option<bool>("--in-place")
        {
            Description = "Refresh the notebooks' own outputs (what is committed): run with their defaults, draw each chart's static PNG, " +
                          "and replace each notebook that ran without error; one that fails is left as it was.",
        };
        var images = new Option<bool>("--images") { Description = "Draw each chart's static PNG into the executed copies (headless Chromium, plotly.js from web/)." };
        var timings = new Option<bool>("--timings") { Description = "Let outputs show wall-clock times (fit times), which differ from run to run." };
        var command = new Command("run",
            "Run notebooks top to bottom in .NET Interactive's C# kernel (the one VS Code and Jupyter start), in this process: " +
            "outputs, recorded results, an executed copy and a standalone HTML page. Exit 1 when a cell fails (the message names " +
            "notebook and cell), 2 for bad arguments.")
        {
            notebooks, output, parameters, inPlace, images, timings,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, async () =>
        {
            var values = ParseParameters(parse.GetValue(parameters) ?? []);
            var refresh = parse.GetValue(inPlace);
            if (refresh && (values.Count > 0 || parse.GetValue(output) is not null))
                throw new ArgumentException("--in-place refreshes notebooks as committed: it takes neither --param nor --output.");
            var paths = Expand(parse.GetValue(notebooks)!);
            var options = new NotebookRunOptions
            {
                Parameters = values,
                Images = refresh || parse.GetValue(images),
                ShowTimings = parse.GetValue(timings),
            };

            var runner = new NotebookRunner();
            var exit = ExitCodes.Success;
            var succeeded = 0;
            foreach (var path in paths)
            {
                NotebookRun run;
                try
                {
                    // Cell by cell in a terminal; CI logs get one line per notebook.
                    var progress = terminal.Plain
                        ? null
                        : new SynchronousProgress<CellProgress>(p => terminal.Error.WriteLine(
                            $"  cell In [{p.CellNumber}] of {p.CellCount} ({p.CellId}): {p.Elapsed.TotalSeconds:0.0} s"));
                    run = await runner.RunAsync(path, options with { Progress = progress }, ct);
                }
                catch (Exception e) when (e is NotebookException or NotebookFormatException)
                {
                    terminal.Fail(e.Message);
                    exit = Math.Max(exit, ExitCodes.InvalidInput);
                    continue;
                }
                catch (ChartImageException e)
                {
                    terminal.Fail($"{path}: {e.Message}");
                    exit = Math.Max(exit, ExitCodes.PartialFailure);
                    continue;
                }

                foreach (var warning in run.Warnings)
                    terminal.Warn(warning);
                var recorded = string.Join(", ", run.Recorded.Select(r => $"{r.Key} = {Shown(r.Value)}"));
                if (run.Failure is { } failure)
                {
                    terminal.Fail(failure.ToString());
                    exit = Math.Max(exit, ExitCodes.PartialFailure);
                }
                else
                {
                    succeeded++;
                    terminal.Out.WriteLine($"{path}: ran in {run.Elapsed.TotalSeconds:0.0} s (kernel start-up {run.StartUp.TotalSeconds:0.0} s)" +
                                           (recorded.Length > 0 ? $"; recorded {recorded}" : ""));
                }

                if (refresh)
                {
                    if (run.Failure is null)
                    {
                        run.SaveInPlace();
                        terminal.Out.WriteLine($"  refreshed {path}");
                    }
                    else
                    {
                        terminal.Out.WriteLine($"  {path} left as it was");
                    }

                    continue;
                }

                var folder = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "out");
                var (executed, html) = run.Save(folder);
                terminal.Out.WriteLine($"  wrote {executed} and {html}");
            }

            if (paths.Count > 1)
                terminal.Out.WriteLine($"{succeeded}/{paths.Count} notebooks ran without error");
            return exit;
        }));
        return command;
    }

    /// <summary>The notebooks named, each folder replaced by the notebooks below it in ordinal order.</summary>
    /// <exception cref="FileNotFoundException">A name is neither a notebook nor a folder.</exception>
    private static List<string> Expand(string[] names)
    {
        var paths = new List<string>();
        foreach (var name in names)
        {
            if (Directory.Exists(name))
            {
                paths.AddRange(Directory.EnumerateFiles(name, "*.ipynb", SearchOption.AllDirectories)
                    .Where(p => !Path.GetRelativePath(name, p).Split(Path.DirectorySeparatorChar).Any(part => part is "out" or ".ipynb_checkpoints"))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(name))
            {
                paths.Add(name);
            }
            else
            {
                throw new FileNotFoundException($"Notebook not found: {name} (neither a .ipynb file nor a folder).");
            }
        }

        return paths;
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
