using Plotly.NET;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>A displayed value's MIME bundle: the convention formatters' forms (HTML for charts and tables) and text.</summary>
internal static class Representations
{
    public const string Html = "text/html";
    public const string Text = "text/plain";

    /// <summary>Every form of <paramref name="value"/>, or only <paramref name="mimeTypes"/> when some are named.</summary>
    public static IReadOnlyDictionary<string, string> Of(object? value, IReadOnlyList<string> mimeTypes)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        // Plotly.NET 6's own convention formatter for charts cannot be created by reflection (no constructor) and
        // Plotly.NET.Interactive is not wired into this runner: charts draw through RecLab's notebook fragment.
        if (value is GenericChart chart)
        {
            if (mimeTypes.Count == 0 || mimeTypes.Contains(Html))
                data[Html] = chart.ToNotebookHtml();
        }
        // Strings are text, as in .NET Interactive: no formatter lookup for them.
        else if (value is not null and not string)
        {
            foreach (var (mime, text) in ConventionFormatter.Format(value))
            {
                if (mimeTypes.Count == 0 || mimeTypes.Contains(mime))
                    data[mime] = text;
            }
        }

        if (mimeTypes.Count == 0 || mimeTypes.Contains(Text) || data.Count == 0)
            data[Text] = PlainText.Format(value);
        return data;
    }
}
