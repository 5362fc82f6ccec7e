using System.Globalization;
using System.Reflection;
using RecLab.Splitting;

namespace RecLab.Recommenders;

/// <summary>
/// Builds typed options records from <c>key=value</c> text (the command line's <c>--algo item-knn:neighbors=20</c>).
/// Keys match property names case-insensitively, ignoring <c>_</c> and <c>-</c>; unknown keys and bad values are errors
/// that name the valid keys and suggest the closest.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Options of <paramref name="optionsType"/> with the given values over the defaults.</summary>
    /// <exception cref="ArgumentException">Unknown key, unparsable value, or an out-of-range value.</exception>
    public static RecommenderOptions Bind(Type optionsType, IReadOnlyDictionary<string, string> values, string algorithm)
    {
        var options = (RecommenderOptions)Activator.CreateInstance(optionsType)!;
        var properties = Settable(optionsType);
        foreach (var (key, text) in values)
        {
            var property = Find(properties, key) ?? throw new ArgumentException(
                $"{algorithm}: unknown option '{key}'{DidYouMean.Hint(key, properties.Select(p => p.Name))}. " +
                (properties.Count == 0 ? "It has no options." : $"Options: {string.Join(", ", properties.Select(p => p.Name))}."));
            if (property.PropertyType == typeof(ISplitter) && SplitProblem(text) is { } split)
                throw new ArgumentException($"{algorithm}: option {property.Name}: {split}");
            if (!TryParse(property.PropertyType, text, out var value))
                throw new ArgumentException($"{algorithm}: option {property.Name} expects {DescribeType(property.PropertyType)}, got '{text}'{RangeHint(property.PropertyType, text)}.");
            if (NumberProblem(text, value) is { } problem)
                throw new ArgumentException($"{algorithm}: option {property.Name} {problem}.");
            property.SetValue(options, value);
        }
        var errors = options.Check();
        if (errors.Count > 0)
            throw new ArgumentException($"{algorithm}: " + string.Join("; ", errors.Select(e => $"option {e.Property} {e.Message}")));
        return options;
    }

    /// <summary>
    /// What is wrong with a parsed number that is not finite, as <c>must be ...</c>: text such as <c>1e39</c> that
    /// overflowed a 32-bit number is out of range, <c>Infinity</c> and <c>NaN</c> are not finite; null for anything else.
    /// Shared by the command line and experiment files, so both say the same.
    /// </summary>
    public static string? NumberProblem(string text, object? value)
    {
        var infinite = value is float f && float.IsInfinity(f) || value is double d && double.IsInfinity(d);
        if (!infinite && value is not (float.NaN or double.NaN))
            return null;
        var word = text.Trim().TrimStart('+', '-');
        return infinite && !word.StartsWith("inf", StringComparison.OrdinalIgnoreCase) && word != "∞"
            ? $"must be a number within ±{(value is float ? "3.4E+38" : "1.8E+308")} (got '{text}', out of range)"
            : $"must be a finite number (got '{text}')";
    }

    /// <summary>What is wrong with <paramref name="text"/> as a split spec (<see cref="SplitSpec"/>'s own message), or null when it parses.</summary>
    public static string? SplitProblem(string text)
    {
        try
        {
            SplitSpec.Parse(text);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// " (out of range: ...)" when <paramref name="text"/> is a number that does not fit the whole-number
    /// <paramref name="type"/> (e.g. 2147483648 for an int), else "": appended to "expected an integer, got ...".
    /// </summary>
    public static string RangeHint(Type type, string text)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || Math.Floor(v) != v)
            return "";
        return type == typeof(int) && (v < int.MinValue || v > int.MaxValue) ? " (out of range: a whole number from -2147483648 to 2147483647)"
            // 2^63 and 2^64 exactly: long.MaxValue and ulong.MaxValue round up to them as doubles.
            : type == typeof(long) && (v < -9223372036854775808d || v >= 9223372036854775808d) ? " (out of range: a whole number within ±9.2E+18)"
            : type == typeof(ulong) && v >= 18446744073709551616d ? " (out of range: a whole number from 0 to 18446744073709551615)"
            : "";
    }

    /// <summary>Parses <c>a=1,b=2</c> into pairs (values may not contain commas; use <c>|</c> for lists).</summary>
    public static Dictionary<string, string> ParsePairs(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
                throw new ArgumentException($"'{part}' is not key=value.");
            pairs[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return pairs;
    }

    /// <summary>The documented hyper-parameters of an options type, with defaults.</summary>
    public static IReadOnlyList<OptionInfo> DescribeOptions(Type optionsType)
    {
        var defaults = Activator.CreateInstance(optionsType)!;
        return Settable(optionsType)
            .Select(p => new OptionInfo(p.Name, DescribeType(p.PropertyType), Format(p.GetValue(defaults)), XmlDocumentation.Summary(p)))
            .ToList();
    }

    /// <summary>Public init/settable properties of an options record, excluding the compiler's EqualityContract.</summary>
    public static IReadOnlyList<PropertyInfo> Settable(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToList();

    private static PropertyInfo? Find(IReadOnlyList<PropertyInfo> properties, string key)
    {
        var normalized = key.Replace("_", "").Replace("-", "");
        return properties.FirstOrDefault(p => string.Equals(p.Name, normalized, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses text into a value of an option's type (numbers invariant, enums case-insensitive, lists with <c>|</c>, splitters by spec).</summary>
    public static bool TryParse(Type type, string text, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            if (text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                value = null;
                return true;
            }
            type = underlying;
        }
        value = null;
        if (type == typeof(string)) { value = text; return true; }
        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) { value = i; return true; }
        if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) { value = l; return true; }
        if (type == typeof(ulong) && ulong.TryParse(text, NumberStyles.Integer, inv, out var ul)) { value = ul; return true; }
        if (type == typeof(float) && float.TryParse(text, NumberStyles.Float, inv, out var f)) { value = f; return true; }
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d)) { value = d; return true; }
        if (type == typeof(bool) && bool.TryParse(text, out var b)) { value = b; return true; }
        if (type == typeof(ISplitter) && SplitProblem(text) is null) { value = SplitSpec.Parse(text); return true; }
        // Text names a component; its options are typed, so they are given in an experiment file, not in a string.
        if (type == typeof(RecommenderSpec) && text.Length > 0 && text.IndexOfAny([':', '=', ';', ',']) < 0) { value = new RecommenderSpec(text); return true; }
        if (type.IsEnum)
        {
            var name = text.Replace("-", "").Replace("_", "");
            if (Enum.TryParse(type, name, ignoreCase: true, out var e) && Enum.IsDefined(type, e!)) { value = e; return true; }
            return false;
        }
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var parts = text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var array = Array.CreateInstance(element, parts.Length);
            for (var k = 0; k < parts.Length; k++)
            {
                if (!TryParse(element, parts[k], out var item))
                    return false;
                array.SetValue(item, k);
            }
            value = array;
            return true;
        }
        return false;
    }

    /// <summary>A readable description of an option type (enum values listed).</summary>
    public static string DescribeType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
            return DescribeType(underlying) + " or null";
        if (type.IsEnum)
            return string.Join("|", Enum.GetNames(type).Select(Naming.Kebab));
        if (type == typeof(RecommenderSpec[]))
            return "list of algorithms (registered names separated by |; in YAML, each a name or {kind, options})";
        if (type.IsArray)
            return "list of " + DescribeType(type.GetElementType()!) + " (separated by |)";
        if (type == typeof(ISplitter))
            return "split spec (e.g. user-holdout:0.2)";
        if (type == typeof(RecommenderSpec))
            return "algorithm (a registered name; in YAML, a name or {kind, options})";
        return type == typeof(float) || type == typeof(double) ? "number"
            : type == typeof(int) || type == typeof(long) || type == typeof(ulong) ? "integer"
            : type == typeof(bool) ? "true|false"
            : type.Name.ToLowerInvariant();
    }

    /// <summary>Formats a value invariantly, enums in kebab-case.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        Enum e => Naming.Kebab(e.ToString()),
        ISplitter split => split.Spec,
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Array a => string.Join("|", a.Cast<object?>().Select(Format)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
