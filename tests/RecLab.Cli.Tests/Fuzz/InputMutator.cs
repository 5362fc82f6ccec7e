using System.Globalization;
using System.Text;
using RecLab.Randomness;

namespace RecLab.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of text inputs in the shapes a fault campaign found harmful: lines dropped, doubled or swapped,
/// values replaced by hostile ones (out of range, non-finite, empty, huge, deeply nested), stray punctuation,
/// truncation, broken indentation, bytes that are not UTF-8. Every choice comes from the seed, so a failing case is
/// reproduced from its number alone.
/// </summary>
internal sealed class InputMutator(ulong seed)
{
    private Rng _rng = new(seed);

    /// <summary>Values that break naive parsers, binders and allocators.</summary>
    public static readonly string[] HostileValues =
    [
        "", "~", "null", "0", "-1", "1", "2", "0.0", "-0.5", "1e39", "-1e39", "1e-30", "1e308", "NaN", ".nan", ".inf", "Infinity", "-Infinity",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "18446744073709551616", "1000000000", "123456789012345",
        "true", "yes", "[]", "{}", "[1, 2]", "{a: 1}", "'quoted'", "\"dq\"", "synthetic:tiny", "synthetic:nope", "kfold:1000000000",
        "kfold:1", "user-holdout:0", "user-holdout:2", "cold-users:0.2:onboard=99999", "ndcg@0", "ndcg@1000000000", "ml-100k",
        "most-popular", "nope", "&a x", "*a", "*missing", "!!binary x", "|", ">", "- x", ": x", "#", "%", "@", "`",
        "\t", "é", "\u0000", "😀",
    ];

    private static readonly string[] Punctuation = ["[", "]", "{", "}", ":", ",", "-", "&", "*", "!", "|", ">", "'", "\"", "#", "%", "@", "?", "\t", " ", "\n"];

    public int Next(int maxExclusive) => _rng.NextInt(maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_rng.NextInt(items.Count)];

    /// <summary>Mutations per input: mostly one, so that many mutants stay valid enough to reach planning.</summary>
    private int Rounds() => _rng.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };

    /// <summary>One to three mutations of a YAML text.</summary>
    public string MutateYaml(string text)
    {
        var rounds = Rounds();
        for (var k = 0; k < rounds; k++)
            text = _rng.NextInt(12) switch
            {
                0 => DropLine(text),
                1 => DuplicateLine(text),
                2 => SwapLines(text),
                3 or 4 or 5 => ReplaceValue(text),
                6 => EmptyValue(text),
                7 => InsertPunctuation(text),
                8 => Truncate(text),
                9 => Reindent(text),
                10 => Nest(text),
                _ => ReplaceValue(text, huge: true),
            };
        return text;
    }

    /// <summary>One to three mutations of a delimited ratings file (as bytes: some mutations are not valid UTF-8).</summary>
    public byte[] MutateRatings(string text)
    {
        var rounds = Rounds();
        byte[]? bytes = null;
        for (var k = 0; k < rounds; k++)
        {
            switch (_rng.NextInt(12))
            {
                case 0: text = DropLine(text); break;
                case 1: text = DuplicateLine(text); break;
                case 2: text = SwapLines(text); break;
                case 3 or 4 or 5 or 6: text = ReplaceField(text); break;
                case 7: text = InsertPunctuation(text); break;
                case 8: text = Truncate(text); break;
                case 9: text = text.Replace("\n", _rng.NextBool(0.5) ? "\r\n" : "\r", StringComparison.Ordinal); break;
                case 10: text = _rng.NextBool(0.5) ? "\uFEFF" + text : string.Concat(text.Split('\n').Take(1 + _rng.NextInt(3)).Select(l => l + "\n")); break;
                default: bytes = InvalidUtf8(text); break;
            }
        }
        return bytes ?? Encoding.UTF8.GetBytes(text);
    }

    private string[] Lines(string text) => text.Split('\n');

    private string DropLine(string text)
    {
        var lines = Lines(text).ToList();
        lines.RemoveAt(_rng.NextInt(lines.Count));
        return string.Join('\n', lines);
    }

    private string DuplicateLine(string text)
    {
        var lines = Lines(text).ToList();
        var k = _rng.NextInt(lines.Count);
        lines.Insert(k, lines[k]);
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = Lines(text);
        int a = _rng.NextInt(lines.Length), b = _rng.NextInt(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    /// <summary>The value after a <c>key:</c> (or a list item) on a random line, replaced by a hostile value.</summary>
    private string ReplaceValue(string text, bool huge = false)
    {
        var lines = Lines(text);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var k = _rng.NextInt(lines.Length);
            var line = lines[k];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var dash = line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? line.IndexOf("- ", StringComparison.Ordinal) : -1;
            var at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
            if (at < 0)
                continue;
            var comment = line.IndexOf(" #", at, StringComparison.Ordinal);
            var end = comment >= 0 ? comment : line.Length;
            var value = huge ? Huge() : Pick(HostileValues);
            lines[k] = line[..at] + value + line[end..];
            return string.Join('\n', lines);
        }
        return text;
    }

    /// <summary><c>key: value</c> made <c>key:</c>, as the campaign's 327 empty-value variants.</summary>
    private string EmptyValue(string text)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Length).Where(k => lines[k].Contains(": ", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
            return text;
        var line = lines[Pick(candidates)];
        var k2 = Array.IndexOf(lines, line);
        lines[k2] = line[..(line.IndexOf(": ", StringComparison.Ordinal) + 1)];
        return string.Join('\n', lines);
    }

    private string InsertPunctuation(string text)
    {
        var at = _rng.NextInt(text.Length + 1);
        return text[..at] + Pick(Punctuation) + text[at..];
    }

    private string Truncate(string text) => text[.._rng.NextInt(text.Length + 1)];

    private string Reindent(string text)
    {
        var lines = Lines(text);
        var k = _rng.NextInt(lines.Length);
        lines[k] = _rng.NextBool(0.5) ? new string(' ', 1 + _rng.NextInt(6)) + lines[k] : lines[k].TrimStart();
        return string.Join('\n', lines);
    }

    /// <summary>A value replaced by flow collections nested hundreds to tens of thousands deep (the stack overflow of the campaign).</summary>
    private string Nest(string text)
    {
        var depth = _rng.NextBool(0.5) ? 20 + _rng.NextInt(100) : 1_000 + _rng.NextInt(30_000);
        var open = _rng.NextBool(0.7) ? "[" : "{a: ";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + (_rng.NextBool(0.2) ? "" : string.Concat(Enumerable.Repeat(close, depth)));
        var lines = Lines(text);
        var k = _rng.NextInt(lines.Length);
        var colon = lines[k].IndexOf(": ", StringComparison.Ordinal);
        lines[k] = colon >= 0 ? lines[k][..(colon + 2)] + nested : lines[k] + nested;
        return string.Join('\n', lines);
    }

    private string Huge() => _rng.NextInt(3) switch
    {
        0 => new string('x', 100_000 + _rng.NextInt(1_000_000)),
        1 => string.Concat(Enumerable.Repeat("9", 50 + _rng.NextInt(400))),
        _ => "[" + string.Join(", ", Enumerable.Range(0, 2_000 + _rng.NextInt(20_000)).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]",
    };

    /// <summary>One field of a random data line replaced by a hostile value.</summary>
    private string ReplaceField(string text)
    {
        var lines = Lines(text);
        var k = _rng.NextInt(lines.Length);
        var fields = lines[k].Split(',');
        fields[_rng.NextInt(fields.Length)] = Pick(HostileFields);
        lines[k] = string.Join(',', fields);
        return string.Join('\n', lines);
    }

    private static readonly string[] HostileFields =
    [
        "", " ", "x", "-1", "0", "5.5", "0.49", "NaN", "Infinity", "-Infinity", "1e39", "99999999999999", "-99999999999999",
        "253402300800", "-62135596801", "2147483648", "1.5e15", "9223372036854775807", "2024-02-30", "2024-01-01", "2024-01-01T10:00:00Z",
        "\"quoted, with comma\"", "\"unterminated", "a\"b", "1,2", "😀", new string('u', 5_000),
    ];

    private byte[] InvalidUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        bytes.Insert(_rng.NextInt(bytes.Count + 1), (byte)(0x80 + _rng.NextInt(0x80)));
        return [.. bytes];
    }
}
