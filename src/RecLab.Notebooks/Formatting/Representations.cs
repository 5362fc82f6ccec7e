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
        // Strings are text, as in .NET Interactive: no formatter lookup for them.
        if (value is not null and not string)
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
