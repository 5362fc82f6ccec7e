using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RecLab;

/// <summary>
/// Reads the summaries of types and properties from the XML documentation file built next to an assembly,
/// so option and schema references are generated from the code and cannot drift from it.
/// </summary>
public static partial class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, Dictionary<string, string>> Cache = new();

    /// <summary>The summary of a property, or null when the documentation file is absent or has none.</summary>
    public static string? Summary(PropertyInfo property) =>
        Lookup(property.DeclaringType!.Assembly, $"P:{Name(property.DeclaringType!)}.{property.Name}");

    /// <summary>The summary of a type, or null.</summary>
    public static string? Summary(Type type) => Lookup(type.Assembly, $"T:{Name(type)}");

    /// <summary>The summary of an enum member, or null.</summary>
    public static string? Summary(Type enumType, string member) => Lookup(enumType.Assembly, $"F:{Name(enumType)}.{member}");

    private static string Name(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string? Lookup(Assembly assembly, string key) =>
        Cache.GetOrAdd(assembly, Load).TryGetValue(key, out var text) ? text : null;

    private static Dictionary<string, string> Load(Assembly assembly)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(assembly.Location))
            return result;
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            return result;
        var doc = XDocument.Load(path);
        foreach (var member in doc.Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is null || summary is null)
                continue;
            result[name] = Flatten(summary);
        }
        return result;
    }

    private static string Flatten(XElement summary)
    {
        var parts = summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } e => ShortName(e.Attribute("cref")?.Value ?? e.Attribute("langword")?.Value ?? ""),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
            XElement e => e.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static string ShortName(string cref)
    {
        var name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
