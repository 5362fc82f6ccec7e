namespace RecLab.Experiments.Configuration;

/// <summary>A mapping, with its entries in file order (duplicates kept).</summary>
internal sealed class YamlMapping(SourceMark mark) : YamlNode(mark)
{
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    /// <summary>The last value for <paramref name="key"/> (exact match), or null.</summary>
    public YamlNode? Get(string key)
    {
        for (var k = Entries.Count - 1; k >= 0; k--)
            if (Entries[k].Key.Value == key)
                return Entries[k].Value;
        return null;
    }

    public override string Describe() => "a mapping";
}
