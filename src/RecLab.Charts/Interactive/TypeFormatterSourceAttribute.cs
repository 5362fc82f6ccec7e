namespace RecLab.Charts.Interactive;

/// <summary>
/// .NET Interactive's convention-based formatter hook, matched by this class NAME alone: its Formatter finds an
/// attribute called <c>TypeFormatterSourceAttribute</c> on a displayed type, creates
/// <see cref="FormatterSourceType"/> and asks it for formatters. Defining it here means no package dependency.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>A type with a public parameterless constructor and a public <c>IEnumerable CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the notebook should prefer for the attributed type.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
