using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests.Interactive;

/// <summary>
/// Finds and runs our formatters exactly as .NET Interactive's Formatter does for convention-based sources: the
/// attribute by type NAME, its properties by name, the source by Activator, CreateTypeFormatters by name, and the
/// single Format method through a compiled expression. No reference to the internal types.
/// </summary>
public sealed class FormatterConventionTests
{
    [Fact]
    public void Attribute_is_found_by_name_and_prefers_html()
    {
        var attribute = FindAttribute(typeof(HtmlTable));

        Assert.Equal(["text/html"], Property<string[]>(attribute, "PreferredMimeTypes")!);
        Assert.NotNull(Property<Type>(attribute, "FormatterSourceType"));
    }

    [Fact]
    public void Table_formats_as_an_html_table()
    {
        var table = new HtmlTable { Columns = ["algorithm", "nDCG@10"], Rows = [["ALS", "0.31"]] };
        var formatter = Formatters(typeof(HtmlTable)).Single(f => f.Type == typeof(HtmlTable));

        var writer = new StringWriter();
        Assert.True(formatter.Format(table, writer));

        var doc = HtmlDom.Parse("<body>" + writer + "</body>");
        Assert.Equal("0.31", doc.QuerySelector("tbody td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public void A_formatter_declines_other_types()
    {
        var formatter = Formatters(typeof(HtmlTable)).Single(f => f.Type == typeof(HtmlTable));

        Assert.False(formatter.Format("not a table", new StringWriter()));
    }

    private sealed record Found(string MimeType, Type Type, Func<object, TextWriter, bool> Format);

    private static Attribute FindAttribute(Type type) =>
        type.GetCustomAttributes(true).OfType<Attribute>().Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");

    private static T? Property<T>(object from, string name) =>
        from.GetType().GetProperty(name) is { } property && property.GetGetMethod() is { } getter && getter.Invoke(from, null) is T value ? value : default;

    private static List<Found> Formatters(Type type)
    {
        var sourceType = Property<Type>(FindAttribute(type), "FormatterSourceType")!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var found = new List<Found>();
        foreach (var formatter in formatters)
        {
            var mimeType = Property<string>(formatter, "MimeType");
            Assert.NotNull(mimeType);
            // GetMethod by name alone, as .NET Interactive does: an overload would throw AmbiguousMatchException here.
            var format = formatter.GetType().GetMethod("Format")!;
            Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(bool), format.ReturnType);
            var value = Expression.Parameter(typeof(object));
            var writer = Expression.Parameter(typeof(TextWriter));
            var call = Expression.Lambda<Func<object, TextWriter, bool>>(
                Expression.Call(Expression.Constant(formatter), format, value, writer), value, writer).Compile();
            found.Add(new Found(mimeType, Property<Type>(formatter, "Type") ?? type, call));
        }

        return found;
    }
}
