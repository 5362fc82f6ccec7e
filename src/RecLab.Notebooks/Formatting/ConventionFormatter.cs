using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// .NET Interactive's convention-based formatters, applied the way its Formatter applies them (so a value looks the
/// same here as in VS Code): an attribute named <c>TypeFormatterSourceAttribute</c> on the value's type, in any
/// namespace, names a source type; the source's <c>CreateTypeFormatters()</c> yields formatters with a
/// <c>MimeType</c>, an optional <c>Type</c> and one <c>bool Format(object, TextWriter)</c>. All found by name.
/// </summary>
internal static class ConventionFormatter
{
    private const string AttributeName = "TypeFormatterSourceAttribute";

    private sealed record Found(string MimeType, Type? Type, object Formatter, MethodInfo Format);

    private sealed record Sources(IReadOnlyList<Found> Formatters, IReadOnlyList<string> Preferred);

    private static readonly ConcurrentDictionary<Type, Sources> Cache = new();

    /// <summary>The representations the value's formatters give, by MIME type, preferred ones first; empty when it has none.</summary>
    /// <exception cref="InvalidOperationException">A formatter source breaks the convention or a formatter throws; the message names it.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object value)
    {
        var sources = Cache.GetOrAdd(value.GetType(), Find);
        var results = new List<KeyValuePair<string, string>>();
        foreach (var found in sources.Formatters
                     .Where(f => f.Type is null || f.Type.IsInstanceOfType(value))
                     .OrderBy(f => Rank(sources.Preferred, f.MimeType)))
        {
            if (results.Any(r => r.Key == found.MimeType))
                continue;
            var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            bool formatted;
            try
            {
                formatted = (bool)found.Format.Invoke(found.Formatter, [value, writer])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException(
                    $"The {found.MimeType} formatter {found.Formatter.GetType().FullName} failed on a {value.GetType().Name}: {e.InnerException.Message}", e.InnerException);
            }

            if (formatted)
                results.Add(KeyValuePair.Create(found.MimeType, writer.ToString()));
        }

        return results;
    }

    private static int Rank(IReadOnlyList<string> preferred, string mimeType)
    {
        var index = -1;
        for (var i = 0; i < preferred.Count && index < 0; i++)
        {
            if (preferred[i] == mimeType)
                index = i;
        }

        return index < 0 ? preferred.Count : index;
    }

    private static Sources Find(Type type)
    {
        var formatters = new List<Found>();
        var preferred = new List<string>();
        foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == AttributeName))
        {
            var attributeType = attribute.GetType();
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
                throw new InvalidOperationException($"{type.FullName}: its {AttributeName} has no FormatterSourceType.");
            if (attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) is IEnumerable<string> mimeTypes)
                preferred.AddRange(mimeTypes);
            var source = Activator.CreateInstance(sourceType)
                ?? throw new InvalidOperationException($"{sourceType.FullName} could not be created.");
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{sourceType.FullName} has no public CreateTypeFormatters() method.");
            if (create.Invoke(source, null) is not IEnumerable created)
                throw new InvalidOperationException($"{sourceType.FullName}.CreateTypeFormatters() returned no IEnumerable.");
            foreach (var formatter in created)
            {
                var formatterType = formatter.GetType();
                if (formatterType.GetProperty("MimeType")?.GetValue(formatter) is not string mimeType)
                    continue;
                // By name alone, as .NET Interactive does: a formatter with overloads of Format breaks the convention.
                var formats = formatterType.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Format").ToList();
                var format = formats.Count == 1 ? formats[0] : null;
                if (format is null || format.ReturnType != typeof(bool) ||
                    !format.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(object), typeof(TextWriter)]))
                    throw new InvalidOperationException($"{formatterType.FullName} needs exactly one public method bool Format(object, TextWriter); it has {formats.Count} named Format.");
                formatters.Add(new Found(mimeType, formatterType.GetProperty("Type")?.GetValue(formatter) as Type, formatter, format));
            }
        }

        return new Sources(formatters, preferred);
    }
}
