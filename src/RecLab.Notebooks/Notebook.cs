using Microsoft.DotNet.Interactive;
using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Data.Synthetic;
using RecLab.Notebooks.Formatting;

namespace RecLab.Notebooks;

/// <summary>
/// What a RecLab notebook calls besides the library: <see cref="Setup"/> (the bootstrap does), <see cref="LoadData"/>
/// for the <c>data</c> parameter, <see cref="Record(string, double)"/> for the results a regression test checks, and
/// <see cref="Display"/>. The same in VS Code, Jupyter and <c>reclab notebook run</c> (all run .NET Interactive's C#
/// kernel), and in an exported file-based app (text on standard output).
/// </summary>
/// <example>
/// <code>
/// var ratings = Notebook.LoadData(data);
/// ...
/// Notebook.Record("ndcg@10", result["ndcg@10"].Value);
/// </code>
/// </example>
public static class Notebook
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, object> Outside = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers RecLab's formatters with .NET Interactive (charts, tables, recorded results); the bootstrap
    /// (<c>notebooks/reclab.csx</c>) calls it. Calling it again changes nothing.
    /// </summary>
    public static void Setup() => NotebookFormatters.Register();

    /// <summary>
    /// Whether outputs show wall-clock times (fit times). False while <c>reclab notebook run</c> records outputs
    /// (unless asked with <c>--timings</c>), so a notebook's committed outputs are the same run after run.
    /// </summary>
    public static bool ShowTimings => NotebookSession.Current?.ShowTimings ?? true;

    /// <summary>
    /// Loads what a notebook's <c>data</c> parameter names (a dataset name such as <c>ml-latest-small</c>, resolved
    /// through the dataset cache, a path, or <c>synthetic:NAME</c>). When it is not there, says in one line how to
    /// get it, then loads <paramref name="fallback"/> saying so, or without a fallback stops the cell with that line.
    /// </summary>
    /// <exception cref="FileNotFoundException">The data is not there and there is no fallback; the message names the fix.</exception>
    public static Dataset LoadData(string data, string? fallback = null)
    {
        try
        {
            return DatasetLoader.Load(data);
        }
        catch (FileNotFoundException e)
        {
            var fix = MissingDataMessage(data, e);
            if (fallback is null)
                throw new FileNotFoundException(fix, data, e);
            Display($"{fix}\nFalling back to '{fallback}': the lessons hold, but the numbers are not those of {data}.", "text/plain");
            return DatasetLoader.Load(fallback);
        }
    }

    /// <summary>
    /// Checks that <paramref name="data"/> can be loaded (see <see cref="LoadData"/>) without loading it, for
    /// notebooks that hand the name on (to an experiment file); returns it.
    /// </summary>
    /// <exception cref="FileNotFoundException">It is not there; the message names the fix.</exception>
    public static string RequireData(string data)
    {
        if (SyntheticDataset.IsName(data) || File.Exists(data) || Directory.Exists(data))
            return data;
        if (DatasetCatalog.Find(data) is { } known && new DataCache().Contains(known.Name))
            return data;
        throw new FileNotFoundException(MissingDataMessage(data, null), data);
    }

    private static string MissingDataMessage(string data, FileNotFoundException? e)
    {
        if (DatasetCatalog.Find(data) is { } known)
            return $"Dataset '{known.Name}' is not in the dataset cache ({new DataCache().Root}): run `reclab data fetch {known.Name}`, " +
                   "or pass `--param data=PATH` to a copy, or set RECLAB_DATA to a cache that holds it.";
        return (e?.Message ?? $"'{data}' is neither a file, a folder, nor a known dataset.") +
               " Pass `--param data=PATH` to a dataset folder or file, or a cached dataset name (`reclab data list`).";
    }

    /// <summary>
    /// Records a result under <paramref name="name"/> (e.g. <c>ndcg@10</c>) and shows it (see <see cref="RecordedResult"/>).
    /// <c>reclab notebook run</c> returns recorded results and the notebook tests check them against tolerance bands.
    /// </summary>
    public static void Record(string name, double value) => RecordValue(name, value);

    /// <summary>Records a text result (a dataset name, the best algorithm) under <paramref name="name"/> and shows it.</summary>
    public static void Record(string name, string value) => RecordValue(name, value);

    /// <summary>The results recorded so far in this run (outside a run: in this process), by name.</summary>
    public static IReadOnlyDictionary<string, object> Recorded
    {
        get
        {
            if (NotebookSession.Current is { } session)
                return session.Recorded.ToDictionary(StringComparer.Ordinal);
            lock (Gate)
                return new Dictionary<string, object>(Outside, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Shows a value: in a .NET Interactive kernel through its <c>display</c> (HTML from RecLab's formatters, plus
    /// text); elsewhere as text on standard output (charts summarized in a line).
    /// </summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Only these representations (e.g. <c>text/plain</c>); the type's preferred ones when empty.</param>
    public static void Display(object? value, params string[] mimeTypes)
    {
        if (KernelInvocationContext.Current is not null)
        {
            Kernel.display(value!, mimeTypes);
            return;
        }

        Console.Out.WriteLine(PlainText.Format(value));
    }

    /// <summary>
    /// Shows what <paramref name="show"/> makes when outputs may show wall-clock times (<see cref="ShowTimings"/>),
    /// else a line saying they are left out: for charts and tables whose point is time, such as accuracy against
    /// fit time.
    /// </summary>
    public static object Timed(Func<object> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        return ShowTimings
            ? show()
            : "Wall-clock times are left out of recorded outputs (they differ from run to run): run the notebook to see them.";
    }

    private static void RecordValue(string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (NotebookSession.Current is { } session)
        {
            session.Record(name, value);
        }
        else
        {
            lock (Gate)
                Outside[name] = value;
        }

        var result = new RecordedResult(name, value);
        if (KernelInvocationContext.Current is not null)
            Kernel.display(result);
        else
            Console.Out.WriteLine(result.ToString());
    }
}
