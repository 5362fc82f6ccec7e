namespace RecLab.Experiments.Configuration;

/// <summary>A scalar; <see cref="Plain"/> is false for quoted and block scalars, which are always strings.</summary>
internal sealed class YamlScalar(SourceMark mark, string value, bool plain) : YamlNode(mark)
{
    public string Value { get; set; } = value;

    public bool Plain { get; set; } = plain;

    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : Plain ? $"'{Shown}'" : $"the string \"{Shown}\"";

    /// <summary>The value as messages quote it: long values cut, so one line stays one line.</summary>
    private string Shown
    {
        get
        {
            var text = Value.Length <= 60 ? Value : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value[..50]}… ({Value.Length:N0} characters)");
            return text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        }
    }
}
