using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Formatting;
using RecLab.Notebooks.Rendering;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// Runs a notebook in .NET Interactive's C# kernel, in this process: the kernel VS Code's Polyglot Notebooks and
/// Jupyter start, with its default imports, <c>#r</c>, <c>#load</c>, <c>#r "nuget:"</c> and <c>display()</c>. Cells
/// run in order in the notebook's folder (the base of relative paths); their kernel events become outputs as the
/// Jupyter kernel sends them. On top of the kernel: papermill's parameter injection, recorded results, chart ids
/// that do not change from run to run, and optionally each chart's static image. The first failing cell stops the run.
/// </summary>
/// <remarks>
/// The current directory belongs to the process, so runs in one process take turns. The bootstrap references the
/// RecLab assemblies this process has loaded, so recorded results cross over without conversion.
/// </remarks>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs the notebook at <paramref name="path"/>; a failing cell ends the run with <see cref="NotebookRun.Failure"/> set.</summary>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">It is not an nbformat 4 notebook.</exception>
    /// <exception cref="NotebookException">A parameter value its variable cannot take.</exception>
    /// <exception cref="ChartImageException">Static images were asked for and cannot be drawn here.</exception>
    public async Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NotebookRunOptions();
        var document = NotebookDocument.Load(path);
        // Loaded before any cell, so the bootstrap references these copies (see reclab.csx).
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
        var warnings = new List<string>();
        var parameterCells = document.Cells.Count(c => c.HasTag(NotebookCell.ParametersTag));
        if (options.Parameters.Count > 0 && parameterCells == 0)
            warnings.Add($"{path}: no cell is tagged '{NotebookCell.ParametersTag}'; --param {string.Join(", ", options.Parameters.Keys)} skipped.");
        if (parameterCells > 1)
            warnings.Add($"{path}: several cells are tagged '{NotebookCell.ParametersTag}'; parameters override the first, as papermill does.");

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var session = new NotebookSession(options.ShowTimings);
        var executed = new List<NotebookCell>();
        NotebookFailure? failure = null;
        TimeSpan? startUp = null;
        var clock = Stopwatch.StartNew();
        var directory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        NotebookSession.Current = session;
        try
        {
            using var kernel = NotebookKernel.Create();
            var count = 0;
            var parametersDone = false;
            var codeCells = document.Cells.Count(c => c.Kind == CellKind.Code);
            foreach (var cell in document.Cells)
            {
                if (failure is not null || cell.Kind != CellKind.Code)
                {
                    executed.Add(cell with { Outputs = [], ExecutionCount = null });
                    continue;
                }

                var code = CellCode.Of(cell);
                if (!code.IsCSharp)
                {
                    warnings.Add($"{path}: cell {cell.Id} is for the {code.Kernel} kernel; skipped (reclab notebook run runs the C# kernel).");
                    executed.Add(cell with { Outputs = [], ExecutionCount = null });
                    continue;
                }

                var variablesBefore = NotebookKernel.CSharpOf(kernel).ScriptState?.Variables.Length ?? 0;
                var cellClock = Stopwatch.StartNew();
                (var executedCell, failure) = await Submit(kernel, path, cell, code.Code, ++count, session, ct);
                executed.Add(executedCell);
                startUp ??= clock.Elapsed;
                options.Progress?.Report(new CellProgress(count, codeCells, cell.Id, cellClock.Elapsed));

                if (failure is null && !parametersDone && cell.HasTag(NotebookCell.ParametersTag))
                {
                    parametersDone = true;
                    if (options.Parameters.Count == 0)
                        continue;
                    var declared = NotebookKernel.CSharpOf(kernel).ScriptState!.Variables.Skip(variablesBefore).ToList();
                    var (injectedCode, skipped) = ParameterInjection.Code(path, options.Parameters, declared);
                    warnings.AddRange(skipped);
                    var injected = NotebookCell.Code("injected-parameters", injectedCode, NotebookCell.InjectedParametersTag);
                    (var injectedCell, failure) = await Submit(kernel, path, injected, injected.Source, ++count, session, ct);
                    executed.Add(injectedCell);
                }
            }
        }
        finally
        {
            NotebookSession.Current = null;
            Environment.CurrentDirectory = directory;
        }

        var cells = options.Images ? await WithImages(executed, session, options, ct) : executed;
        return new NotebookRun
        {
            Path = path,
            Executed = document with { Cells = cells },
            Recorded = session.Recorded,
            Warnings = warnings,
            Failure = failure,
            Elapsed = clock.Elapsed,
            StartUp = startUp ?? clock.Elapsed,
        };
    }

    private static async Task<(NotebookCell Cell, NotebookFailure? Failure)> Submit(
        Kernel kernel, string path, NotebookCell cell, string code, int count, NotebookSession session, CancellationToken ct)
    {
        session.BeginCell(cell.Id);
        // Each chart's figure as it was when shown (a later line of the cell may restyle it in place), by its HTML.
        var charts = new Dictionary<string, string>(StringComparer.Ordinal);
        KernelCommandResult result;
        using (kernel.KernelEvents.Subscribe(e =>
               {
                   if (e is DisplayEvent { Value: { } value } shown && ChartOutput.IsChart(value)
                       && shown.FormattedValues.FirstOrDefault(v => v.MimeType == NotebookFormatters.Html)?.Value is { } html)
                       charts.TryAdd(html, session.AddChart(ChartOutput.FigureJson(value)));
               }))
        {
            result = await kernel.SendAsync(new SubmitCode(code, NotebookKernel.CSharp), ct);
        }

        var outputs = KernelOutputs.Of(result.Events, count).Select(output => Recorded(output, charts)).ToList();
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
        var failure = failed is null ? null : new NotebookFailure
        {
            Notebook = path,
            CellNumber = count,
            CellId = cell.Id,
            ErrorName = failed.Exception switch
            {
                CodeSubmissionCompilationErrorException => "CompilationError",
                { } exception => exception.GetType().Name,
                null => "Error",
            },
            Message = failed.Exception is { } e and not CodeSubmissionCompilationErrorException ? e.Message : failed.Message,
        };
        return (cell with { Outputs = outputs, ExecutionCount = count }, failure);
    }

    /// <summary>A chart's output in its recorded form (see <see cref="ChartOutput.Recorded"/>); any other output as it is.</summary>
    private static CellOutput Recorded(CellOutput output, Dictionary<string, string> charts)
    {
        if (output is not DisplayOutput display || !display.Data.TryGetValue(NotebookFormatters.Html, out var html)
            || !charts.TryGetValue(html, out var id) || ChartOutput.Recorded(html, id) is not { } recorded)
            return output;
        return display with { Data = new Dictionary<string, string>(display.Data, StringComparer.Ordinal) { [NotebookFormatters.Html] = recorded } };
    }

    /// <summary>Each chart's PNG in the slot its HTML keeps for it (see <see cref="ChartOutput"/>), drawn in one browser session.</summary>
    private static async Task<IReadOnlyList<NotebookCell>> WithImages(
        List<NotebookCell> cells, NotebookSession session, NotebookRunOptions options, CancellationToken ct)
    {
        var charts = session.Charts;
        if (charts.Count == 0)
            return cells;
        var images = await ChartImages.RenderAsync(charts, options.Browser, ct);
        return [.. cells.Select(cell => cell with
        {
            Outputs = [.. cell.Outputs.Select(output =>
            {
                if (output is not DisplayOutput display || !display.Data.TryGetValue(NotebookFormatters.Html, out var html))
                    return output;
                foreach (var (id, png) in images)
                    html = ChartOutput.WithImage(html, id, png, ChartOutput.TitleFromJson(charts[id])) ?? html;
                return display with { Data = new Dictionary<string, string>(display.Data, StringComparer.Ordinal) { [NotebookFormatters.Html] = html } };
            })],
        })];
    }
}
