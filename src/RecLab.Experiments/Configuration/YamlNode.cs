namespace RecLab.Experiments.Configuration;

/// <summary>
/// A node of an experiment file as written: unlike YamlDotNet's representation model it keeps duplicate keys (so
/// all of them can be reported) and every node remembers where it came from.
/// </summary>
internal abstract class YamlNode(SourceMark mark)
{
    public SourceMark Mark { get; set; } = mark;

    /// <summary>Levels of lists and mappings from this node down: 0 for a scalar, 1 for a list of scalars.</summary>
    public int Height { get; set; }

    /// <summary>What the node is, for "expected X, got Y" messages.</summary>
    public abstract string Describe();
}
