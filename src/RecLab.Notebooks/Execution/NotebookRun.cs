using RecLab.Charts.Html;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Rendering;

namespace RecLab.Notebooks.Execution;

/// <summary>The outcome of running a notebook: the executed copy, the recorded results, and the failure if any.</summary>
public sealed record NotebookRun
{
    /// <summary>The notebook's path as given.</summary>
    public required string Path { get; init; }

    /// <summary>The notebook with outputs and execution counts (and the injected parameters cell, if any).</summary>
    public required NotebookDocument Executed { get; init; }

    /// <summary>What the notebook recorded with <see cref="Notebook.Record(string, double)"/>, in recording order.</summary>
    public required IReadOnlyList<KeyValuePair<string, object>> Recorded { get; init; }

    /// <summary>Cells skipped and why (another kernel, an empty cell).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The cell that stopped the run, or null when every cell ran.</summary>
    public NotebookFailure? Failure { get; init; }

    /// <summary>Whether every cell ran without an error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The wall-clock time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The kernel's start-up: from creating it to the end of the first cell (the bootstrap).</summary>
    public required TimeSpan StartUp { get; init; }

    /// <summary>The recorded result named <paramref name="name"/> as a number.</summary>
    /// <exception cref="KeyNotFoundException">Nothing was recorded under that name, or it is text.</exception>
    public double Number(string name) =>
        Recorded.FirstOrDefault(r => r.Key == name).Value is double value
            ? value
            : throw new KeyNotFoundException($"{Path} recorded no number named '{name}' (recorded: {string.Join(", ", Recorded.Select(r => r.Key))}).");

    /// <summary>The executed notebook as one HTML page (see <see cref="NotebookPage"/>).</summary>
    public HtmlPage ToHtmlPage() => NotebookPage.Create(Executed, System.IO.Path.GetFileNameWithoutExtension(Path));

    /// <summary>
    /// Writes <c>NAME.ipynb</c> (the executed copy, nbformat 4.5) and <c>NAME.html</c> into <paramref name="folder"/>,
    /// NAME being the notebook's file name; returns both paths.
    /// </summary>
    public (string Notebook, string Html) Save(string folder, PlotlyScript? plotly = null)
    {
        Directory.CreateDirectory(folder);
        var name = System.IO.Path.GetFileNameWithoutExtension(Path);
        var notebook = System.IO.Path.Combine(folder, name + ".ipynb");
        var html = System.IO.Path.Combine(folder, name + ".html");
        if (System.IO.Path.GetFullPath(notebook) == System.IO.Path.GetFullPath(Path))
            throw new IOException($"Refusing to overwrite the notebook itself ({Path}) with its executed copy: choose another output folder.");
        Executed.Save(notebook);
        ToHtmlPage().Save(html, plotly);
        return (notebook, html);
    }

    /// <summary>
    /// Replaces the notebook itself with its executed copy (the refresh of committed outputs): written beside it and
    /// moved over it, so an interrupted write never leaves half a notebook.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run failed, or inserted a parameters cell the notebook does not have.</exception>
    public void SaveInPlace()
    {
        if (Failure is not null)
            throw new InvalidOperationException($"{Path}: not replaced, the run failed ({Failure}).");
        if (Executed.Cells.Any(c => c.HasTag(NotebookCell.InjectedParametersTag)))
            throw new InvalidOperationException($"{Path}: not replaced, a run with --param would commit the injected parameters.");
        var temporary = Path + ".partial";
        Executed.Save(temporary);
        File.Move(temporary, Path, overwrite: true);
    }
}
