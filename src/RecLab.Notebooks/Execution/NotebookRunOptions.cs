using RecLab.Notebooks.Rendering;

namespace RecLab.Notebooks.Execution;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>
    /// Values for variables of the cell tagged <c>parameters</c>, as text (<c>sample=tiny</c>); each is converted to
    /// the type the cell gives the variable and assigned in a cell inserted after it, as papermill does. A name the
    /// cell does not declare is skipped with a warning.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Draws each chart's static PNG into its output (headless Chromium, plotly.js from <c>web/</c>).</summary>
    public bool Images { get; init; }

    /// <summary>The browser and plotly.js that draw the static images; found on this machine when null.</summary>
    public ChartBrowser? Browser { get; init; }

    /// <summary>Lets outputs show wall-clock times (<see cref="Notebook.ShowTimings"/>); off so outputs are the same run after run.</summary>
    public bool ShowTimings { get; init; }

    /// <summary>Told after each code cell.</summary>
    public IProgress<CellProgress>? Progress { get; init; }
}
