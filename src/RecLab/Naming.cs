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
}
