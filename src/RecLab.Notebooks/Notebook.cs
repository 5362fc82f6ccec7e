using System.Globalization;
using System.Reflection;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Formatting;

namespace RecLab.Notebooks;

/// <summary>
/// What a RecLab notebook calls besides the library: <see cref="Record(string, double)"/> for the results a
/// regression test checks, and <see cref="Display"/>. Works in three hosts: <c>reclab notebook run</c> (outputs go
/// into the executed notebook), VS Code Polyglot Notebooks (through .NET Interactive's own <c>display</c>), and a
/// plain console or file-based app (text).
/// </summary>
/// <example>
/// <code>
/// var ndcg = result["ndcg@10"].Value;
/// Notebook.Record("ndcg@10", ndcg);
/// </code>
/// </example>
public static class Notebook
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, object> Outside = new(StringComparer.Ordinal);
    private static MethodInfo? _interactiveDisplay;

    /// <summary>
    /// Records a result under <paramref name="name"/> (e.g. <c>ndcg@10</c>) and shows it. <c>reclab notebook run</c>
    /// returns recorded results and the notebook tests check them against tolerance bands.
    /// </summary>
    public static void Record(string name, double value) => RecordValue(name, value, value.ToString("0.######", CultureInfo.InvariantCulture));

    /// <summary>Records a text result (a dataset name, the best algorithm) under <paramref name="name"/> and shows it.</summary>
    public static void Record(string name, string value) => RecordValue(name, value, value);

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
    /// Shows a value: under <c>reclab notebook run</c> as an output of the current cell (HTML from the type's
    /// notebook formatter, plus text); in Polyglot Notebooks through .NET Interactive's <c>display</c>; elsewhere as
    /// text on standard output (charts summarized in a line).
    /// </summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Only these representations (e.g. <c>text/plain</c>); all available when empty.</param>
    public static void Display(object? value, params string[] mimeTypes)
    {
        if (NotebookSession.Current is { } session)
        {
            session.Add(new DisplayOutput { Data = Representations.Of(value, mimeTypes), Value = value });
            return;
        }

        if (InteractiveDisplay() is { } display)
        {
            display.Invoke(null, [value, mimeTypes]);
            return;
        }

        Console.Out.WriteLine(PlainText.Format(value));
    }

    private static void RecordValue(string name, object value, string shown)
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

        Display($"{name} = {shown}", "text/plain");
    }

    /// <summary><c>Microsoft.DotNet.Interactive.Kernel.display(object, string[])</c> when a .NET Interactive kernel hosts us.</summary>
    private static MethodInfo? InteractiveDisplay()
    {
        if (_interactiveDisplay is not null)
            return _interactiveDisplay;
        var kernel = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name == "Microsoft.DotNet.Interactive")
            .Select(a => a.GetType("Microsoft.DotNet.Interactive.Kernel"))
            .FirstOrDefault(t => t is not null);
        _interactiveDisplay = kernel?.GetMethod("display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
        return _interactiveDisplay;
    }
}
