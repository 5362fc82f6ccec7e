namespace RecLab.Experiments.Configuration;

/// <summary>A sequence (a YAML list).</summary>
internal sealed class YamlSequence(SourceMark mark) : YamlNode(mark)
{
    public List<YamlNode> Items { get; } = [];

    public override string Describe() => "a list";
}
