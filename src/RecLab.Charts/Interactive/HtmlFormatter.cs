namespace RecLab.Charts.Interactive;

/// <summary>
/// A convention-based .NET Interactive formatter: found by reflection through <see cref="MimeType"/>,
/// <see cref="Type"/> and the single <see cref="Format"/> method (an overload would make the lookup ambiguous).
/// </summary>
internal sealed class HtmlFormatter(Type type, Func<object, string> render)
{
    public string MimeType => "text/html";

    public Type Type { get; } = type;

    /// <summary>Writes the HTML for <paramref name="instance"/>; false when it is not of <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (!Type.IsInstanceOfType(instance))
            return false;
        writer.Write(render(instance));
        return true;
    }
}
