namespace RecLab.Experiments.Configuration;

/// <summary>Property names as YAML keys: <c>MinUserInteractions</c> is written <c>min_user_interactions</c>.</summary>
public static class YamlNames
{
    /// <summary><c>MinUserInteractions</c> to <c>min_user_interactions</c>; acronyms stay one word (<c>BM25</c> to <c>bm25</c>).</summary>
    public static string Snake(string pascal) => Naming.Snake(pascal);

    /// <summary>Lower case without <c>_</c> and <c>-</c>, for matching algorithm options as <see cref="Recommenders.OptionsBinder"/> does.</summary>
    internal static string Loose(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();
}
