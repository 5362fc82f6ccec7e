using System.Globalization;

namespace RecLab.Splitting;

/// <summary>
/// Reads one split spec: a kind, at most one positional argument (the first), then <c>key=value</c> options.
/// Keys match case-insensitively with <c>-</c> and <c>_</c> ignored; every error names the kind, the valid keys
/// or values, and the closest one.
/// </summary>
internal sealed class SpecReader
{
    private readonly Dictionary<string, (string Key, string Value)> _options = new();

    private SpecReader(string kind, string? positional)
    {
        Kind = kind;
        Positional = positional;
    }

    public string Kind { get; }

    public string? Positional { get; }

    public static SpecReader Read(string spec, IReadOnlyCollection<string> kinds)
    {
        var parts = spec.Split([':', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            throw new ArgumentException($"Empty split spec. Kinds: {string.Join(", ", kinds)}.");
        var kind = parts[0].ToLowerInvariant();
        if (!kinds.Contains(kind))
            throw new ArgumentException(
                $"Unknown split kind '{parts[0]}'{DidYouMean.Hint(parts[0], kinds)}. Kinds: {string.Join(", ", kinds)}.");
        var positional = parts.Length > 1 && !parts[1].Contains('=') ? parts[1] : null;
        var reader = new SpecReader(kind, positional);
        for (var k = positional is null ? 1 : 2; k < parts.Length; k++)
        {
            var eq = parts[k].IndexOf('=');
            if (eq <= 0)
                throw new ArgumentException(
                    $"{kind}: unexpected '{parts[k]}': only the first argument may be positional; write the others as key=value.");
            var key = parts[k][..eq].Trim();
            if (!reader._options.TryAdd(Normalize(key), (key, parts[k][(eq + 1)..].Trim())))
                throw new ArgumentException($"{kind}: '{key}' is given twice.");
        }
        return reader;
    }

    /// <summary>Rejects keys other than <paramref name="keys"/>, and a positional argument when none is expected.</summary>
    public void Allow(bool positional, params string[] keys)
    {
        if (!positional && Positional is not null)
            throw new ArgumentException($"{Kind}: takes no positional argument, got '{Positional}'.{KeyList(keys)}");
        foreach (var (normalized, (key, _)) in _options)
            if (!keys.Any(k => Normalize(k) == normalized))
                throw new ArgumentException(
                    $"{Kind}: unknown key '{key}'{DidYouMean.Hint(key, keys)}.{KeyList(keys)}");
    }

    public bool Has(string key) => _options.ContainsKey(Normalize(key));

    public string? Text(string key) => _options.TryGetValue(Normalize(key), out var v) ? v.Value : null;

    public double? Double(string key) => Text(key) is { } text ? ParseDouble(key, text) : null;

    public int? Int(string key) => Text(key) is { } text ? ParseInt(key, text) : null;

    public long? Long(string key) =>
        Text(key) is not { } text ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw Expected(key, "an integer", text);

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, Enum => Text(key) is { } text ? ParseEnum<TEnum>(key, text) : null;

    public double ParseDouble(string what, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Expected(what, "a number", text);

    public int ParseInt(string what, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Expected(what, "an integer", text);

    public TEnum ParseEnum<TEnum>(string what, string text) where TEnum : struct, Enum
    {
        var names = System.Enum.GetValues<TEnum>().Select(SpecText.Name).ToList();
        var k = names.FindIndex(n => Normalize(n) == Normalize(text));
        return k >= 0
            ? System.Enum.GetValues<TEnum>()[k]
            : throw Expected(what, string.Join("|", names), text, DidYouMean.Hint(text, names));
    }

    /// <summary>An error about a value: "kind: key expects X, got 'y'".</summary>
    public ArgumentException Expected(string what, string expected, string got, string hint = "") =>
        new($"{Kind}: {what} expects {expected}, got '{got}'{hint}.");

    /// <summary>An error about the combination of values.</summary>
    public ArgumentException Invalid(string message) => new($"{Kind}: {message}");

    private static string KeyList(string[] keys) => keys.Length == 0 ? " It has no options." : $" Keys: {string.Join(", ", keys)}.";

    private static string Normalize(string key) => key.Replace("-", "").Replace("_", "").ToLowerInvariant();
}
