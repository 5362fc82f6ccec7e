namespace RecLab.Experiments.Configuration;

/// <summary>A scalar; <see cref="Plain"/> is false for quoted and block scalars, which are always strings.</summary>
internal sealed class YamlScalar(SourceMark mark, string value, bool plain) : YamlNode(mark)
{
    public string Value { get; set; } = value;

    public bool Plain { get; set; } = plain;

    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : Plain ? $"'{Value}'" : $"the string \"{Value}\"";
}
