using System.Collections;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>A value type of this test assembly with its own convention formatter, as a library would ship one.</summary>
[TypeFormatterSource(typeof(TaggedFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed record Tagged(string Label);

/// <summary>Matched by NAME, like .NET Interactive does: a different class from the one in RecLab.Charts.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}

internal sealed class TaggedFormatterSource
{
    public IEnumerable CreateTypeFormatters() => new object[] { new TaggedHtml() };
}

internal sealed class TaggedHtml
{
    public string MimeType => "text/html";

    public Type Type => typeof(Tagged);

    public bool Format(object instance, TextWriter writer)
    {
        writer.Write($"<b class=\"tagged\">{((Tagged)instance).Label}</b>");
        return true;
    }
}
