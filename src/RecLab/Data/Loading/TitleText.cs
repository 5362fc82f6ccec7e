using System.Globalization;

namespace RecLab.Data.Loading;

/// <summary>Splits movie titles into a release year and lower-case content tokens.</summary>
public static class TitleText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "de", "for", "from", "in", "is", "it", "la", "le", "of", "on", "or",
        "the", "to", "with", "les", "el", "il", "der", "die", "das", "und",
    };

    /// <summary>The year in a trailing "(1995)" of a title, or null.</summary>
    public static int? Year(string title)
    {
        var t = title.TrimEnd();
        if (t.Length >= 6 && t[^1] == ')' && t[^6] == '(' &&
            int.TryParse(t.AsSpan(t.Length - 5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return year;
        return null;
    }

    /// <summary>
    /// Lower-case word tokens of a title, without the trailing year, stop words and one-letter words;
    /// MovieLens' "Matrix, The" article inversion needs no special case because articles are stop words.
    /// </summary>
    public static IEnumerable<string> Tokens(string title)
    {
        var text = Year(title) is null ? title : title.TrimEnd()[..^6];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                var token = text[start..i].ToLowerInvariant();
                start = -1;
                if (token.Length > 1 && !StopWords.Contains(token))
                    yield return token;
            }
        }
    }

    /// <summary>The decade label of a year, e.g. "1990s".</summary>
    public static string Decade(int year) => (year / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s";
}
