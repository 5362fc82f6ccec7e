namespace RecLab.Experiments.Configuration;

/// <summary>
/// A node of an experiment file as written: unlike YamlDotNet's representation model it keeps duplicate keys (so
/// all of them can be reported) and every node remembers where it came from.
/// </summary>
internal abstract class YamlNode(SourceMark mark)
{
    public SourceMark Mark { get; set; } = mark;

    /// <summary>What the node is, for "expected X, got Y" messages.</summary>
    public abstract string Describe();
}
