using System.Globalization;
using System.Text;

namespace RecLab.Splitting;

/// <summary>Writes the canonical spec strings of <see cref="SplitSpec"/>: <c>kind[:positional][:key=value]...</c>.</summary>
internal sealed class SpecText(string kind)
{
    private readonly StringBuilder _text = new(kind);

    public SpecText Add(string value)
    {
        _text.Append(':').Append(value);
        return this;
    }

    public SpecText Add(string key, string value) => Add(key + "=" + value);

    public SpecText AddIf(bool condition, string key, string value) => condition ? Add(key, value) : this;

    public override string ToString() => _text.ToString();

    /// <summary>Shortest invariant text that parses back to the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An enum value as written in specs: <c>TimeRange</c> -> <c>time-range</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Naming.Kebab(value.ToString());
}
