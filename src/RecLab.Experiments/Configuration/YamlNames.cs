using System.Text;

namespace RecLab.Experiments.Configuration;

/// <summary>Property names as YAML keys: <c>MinUserInteractions</c> is written <c>min_user_interactions</c>.</summary>
public static class YamlNames
{
    /// <summary><c>MinUserInteractions</c> to <c>min_user_interactions</c>; acronyms stay one word (<c>BM25</c> to <c>bm25</c>).</summary>
    public static string Snake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            // A new word starts at an upper-case letter after a lower-case letter or digit, or before a lower-case one in an acronym.
            if (char.IsUpper(c) && i > 0 &&
                (!char.IsUpper(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Lower case without <c>_</c> and <c>-</c>, for matching algorithm options as <see cref="Recommenders.OptionsBinder"/> does.</summary>
    internal static string Loose(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();
}
