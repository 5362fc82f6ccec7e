using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Formatting;
using RecLab.Notebooks.Hosting;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// Runs a notebook headlessly, as a notebook kernel would: C# cells in order with shared state (Roslyn scripting),
/// the notebook's folder as the current directory and as the base of <c>#r</c> and <c>#load</c> paths, standard
/// output and error and displayed values captured as the cells' outputs. The first failing cell stops the run.
/// </summary>
/// <remarks>
/// The current directory and <see cref="Console.Out"/> belong to the process, so runs in one process take turns.
/// An assembly a notebook <c>#r</c>'s that the host has already loaded (RecLab.Core, RecLab.Charts, this one) is
/// the host's copy: values and recorded results cross over without conversion.
/// </remarks>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The namespaces every cell sees, as in .NET Interactive's C# kernel, plus <c>.Display()</c>.</summary>
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks",
        typeof(DisplayExtensions).Namespace!,
    ];

    /// <summary>The whole shared framework, as a notebook kernel offers it (scripting's defaults lack even System.Linq).</summary>
    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(file => Path.GetDirectoryName(file) == runtime && IsManaged(file))
            .Order(StringComparer.Ordinal)
            .Select(file => (MetadataReference)MetadataReference.CreateFromFile(file))];
    });

    /// <summary>Runs the notebook at <paramref name="path"/>; a failing cell ends the run with <see cref="NotebookRun.Failure"/> set.</summary>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">It is not an nbformat 4 notebook.</exception>
    /// <exception cref="NotebookException">A parameter it does not declare or cannot take.</exception>
    public async Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NotebookRunOptions();
        var document = NotebookDocument.Load(path);
        var parameterCells = document.Cells.Count(c => c.HasTag(NotebookCell.ParametersTag));
        if (options.Parameters.Count > 0 && parameterCells == 0)
            throw new NotebookException($"{path}: no cell is tagged '{NotebookCell.ParametersTag}', so --param {options.Parameters.Keys.First()} has nothing to override.");

        // Types the host shares with notebooks are loaded before any #r, so the notebook binds to these copies.
        _ = typeof(Charts.Plots.StandardPlots).Assembly;
        _ = typeof(Plotly.NET.GenericChart).Assembly;
        _ = typeof(Data.Dataset).Assembly;

        await OneAtATime.WaitAsync(ct);
        try
        {
            return await RunAlone(path, document, options, ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookRun> RunAlone(string path, NotebookDocument document, NotebookRunOptions options, CancellationToken ct)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        var scriptOptions = ScriptOptions.Default
            .WithFilePath(fullPath)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, folder))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .AddReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(Imports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true);

        var session = new NotebookSession();
        var warnings = new List<string>();
        if (document.Cells.Count(c => c.HasTag(NotebookCell.ParametersTag)) > 1)
            warnings.Add($"{path}: several cells are tagged '{NotebookCell.ParametersTag}'; parameters override the first, as papermill does.");
        var executed = new List<NotebookCell>();
        NotebookFailure? failure = null;
        var clock = Stopwatch.StartNew();
        var (stdout, stderr, directory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        Console.SetOut(new SessionWriter(StreamOutput.Stdout, stdout));
        Console.SetError(new SessionWriter(StreamOutput.Stderr, stderr));
        Environment.CurrentDirectory = folder;
        NotebookSession.Current = session;
        try
        {
            var state = await CSharpScript.Create("", scriptOptions, typeof(NotebookGlobals)).RunAsync(new NotebookGlobals(), ct);
            var count = 0;
            var parametersDone = false;
            for (var i = 0; i < document.Cells.Count; i++)
            {
                var cell = document.Cells[i];
                var number = i + 1;
                if (failure is not null || cell.Kind != CellKind.Code)
                {
                    executed.Add(cell with { Outputs = [], ExecutionCount = null });
                    continue;
                }

                var code = CellCode.Of(cell);
                if (!code.IsCSharp)
                {
                    warnings.Add($"{path}: cell {number} is for the {code.Kernel} kernel; skipped (only C# cells run).");
                    executed.Add(cell with { Outputs = [], ExecutionCount = null });
                    continue;
                }

                var variablesBefore = state.Variables.Length;
                var cellClock = Stopwatch.StartNew();
                var (next, executedCell, cellFailure) = await RunCell(path, cell, number, code, ++count, state, scriptOptions, session, ct);
                state = next;
                executed.Add(executedCell);
                failure = cellFailure;
                options.Progress?.Report(new CellProgress(number, document.Cells.Count, cell.Id, cellClock.Elapsed));

                if (failure is null && !parametersDone && cell.HasTag(NotebookCell.ParametersTag))
                {
                    parametersDone = true;
                    if (options.Parameters.Count == 0)
                        continue;
                    var declared = state.Variables.Skip(variablesBefore).ToList();
                    var injected = NotebookCell.Code(
                        "injected-parameters", ParameterInjection.Code(path, options.Parameters, declared), NotebookCell.InjectedParametersTag);
                    (state, var injectedCell, failure) = await RunCell(path, injected, number, CellCode.Of(injected), ++count, state, scriptOptions, session, ct);
                    executed.Add(injectedCell);
                }
            }
        }
        finally
        {
            NotebookSession.Current = null;
            Environment.CurrentDirectory = directory;
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        return new NotebookRun
        {
            Path = path,
            Executed = document with { Cells = executed },
            Recorded = session.Recorded,
            Warnings = warnings,
            Failure = failure,
            Elapsed = clock.Elapsed,
        };
    }

    private static async Task<(ScriptState<object> State, NotebookCell Cell, NotebookFailure? Failure)> RunCell(
        string path, NotebookCell cell, int number, CellCode code, int count, ScriptState<object> state, ScriptOptions options,
        NotebookSession session, CancellationToken ct)
    {
        session.BeginCell();
        ErrorOutput? error = null;
        var refusals = code.Refusals().ToList();
        if (refusals.Count > 0)
        {
            error = new ErrorOutput { Name = "NotSupported", Value = string.Join("\n", refusals), Traceback = refusals };
        }
        else
        {
            try
            {
                // From UTF-8 bytes, so the source has an encoding and the cell's line numbers reach stack traces.
                var script = state.Script.ContinueWith(new MemoryStream(Encoding.UTF8.GetBytes(code.Code)), options);
                state = await script.RunFromAsync(state, e => !(e is OperationCanceledException && ct.IsCancellationRequested), ct);
                if (state.Exception is { } exception)
                    error = Describe(exception);
                else if (state.ReturnValue is { } value && code.HasTrailingExpression())
                    session.Add(new DisplayOutput { Data = Representations.Of(value, []), ExecutionCount = count, Value = value });
            }
            catch (CompilationErrorException e)
            {
                error = Describe(path, number, e.Diagnostics);
            }
        }

        if (error is not null)
            session.Add(error);
        var executed = cell with { Outputs = session.EndCell(), ExecutionCount = count };
        var failure = error is null ? null : new NotebookFailure
        {
            Notebook = path,
            CellNumber = number,
            CellId = cell.Id,
            ErrorName = error.Name,
            Message = error.Value,
        };
        return (state, executed, failure);
    }

    private static ErrorOutput Describe(Exception exception)
    {
        // The frames below the cell are the scripting engine's: not the reader's concern.
        var lines = exception.ToString().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .TakeWhile(l => !l.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .ToList();
        return new ErrorOutput { Name = exception.GetType().Name, Value = exception.Message, Traceback = lines };
    }

    private static ErrorOutput Describe(string path, int number, ImmutableArray<Diagnostic> diagnostics)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var span = d.Location.GetMappedLineSpan();
            var where = span.IsValid && span.Path.Length > 0 && span.Path != Path.GetFullPath(path)
                ? Path.GetRelativePath(folder, span.Path)
                : $"cell {number}";
            var line = span.IsValid ? $", line {span.StartLinePosition.Line + 1}" : "";
            var message = $"{where}{line}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            // A missing build output is the usual first-run mistake: say how to fix it.
            if (d.Id == "CS0006" && message.Contains("/bin/", StringComparison.Ordinal))
                message += " RecLab is not built yet: run `dotnet build` in the repository root, then run the notebook again.";
            return message;
        }).ToList();
        return new ErrorOutput { Name = "CompilationError", Value = string.Join("\n", lines), Traceback = lines };
    }

    private static bool IsManaged(string file)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
