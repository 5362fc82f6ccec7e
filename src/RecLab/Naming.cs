namespace RecLab;

/// <summary>How RecLab writes code names in text (specs, YAML, command lines).</summary>
public static class Naming
{
    /// <summary>PascalCase to kebab-case: <c>AdjustedCosine</c> -> <c>adjusted-cosine</c>, <c>BM25</c> -> <c>bm25</c>.</summary>
    public static string Kebab(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
                sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    /// <summary><c>MinUserInteractions</c> to <c>min_user_interactions</c>; acronyms stay one word (<c>BM25</c> to <c>bm25</c>).</summary>
    public static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
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
}
