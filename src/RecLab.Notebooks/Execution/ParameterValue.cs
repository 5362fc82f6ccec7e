using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace RecLab.Notebooks.Execution;

/// <summary>A parameter given as text, read as the type its notebook variable has, and written back as a C# literal.</summary>
internal static class ParameterValue
{
    /// <summary>The value of <paramref name="text"/> as a <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">Not a valid value of the type.</exception>
    /// <exception cref="OverflowException">Out of the type's range.</exception>
    /// <exception cref="NotSupportedException">The type cannot be set from text.</exception>
    public static object? Parse(Type type, string text)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return text == "null" ? null : Parse(underlying, text);
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => bool.Parse(text),
            _ when type == typeof(char) => text.Length == 1 ? text[0] : throw new FormatException($"'{text}' is not one character."),
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name)
                : throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames(type))}"),
            _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, invariant),
            _ when type == typeof(float) => float.Parse(text, NumberStyles.Float, invariant),
            _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Float, invariant),
            _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(short) => short.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(byte) => byte.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(sbyte) => sbyte.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(uint) => uint.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(ulong) => ulong.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(ushort) => ushort.Parse(text, NumberStyles.Integer, invariant),
            _ => throw new NotSupportedException($"{type.Name} cannot be set from text (strings, booleans, numbers and enums can)"),
        };
    }

    /// <summary>A C# expression for <paramref name="value"/> that assigns to a variable of its type without a cast.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        double d => Real(d, "double", d.ToString("R", CultureInfo.InvariantCulture), "d"),
        float f => Real(f, "float", f.ToString("R", CultureInfo.InvariantCulture), "f"),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        Enum e => EnumType(e.GetType()) + "." + e,
        // A constant in range converts implicitly to any integer type.
        IFormattable integer => integer.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"{value.GetType().Name} has no literal form."),
    };

    private static string Real(double value, string keyword, string digits, string suffix) =>
        double.IsNaN(value) ? keyword + ".NaN"
        : double.IsPositiveInfinity(value) ? keyword + ".PositiveInfinity"
        : double.IsNegativeInfinity(value) ? keyword + ".NegativeInfinity"
        : digits + suffix;

    /// <summary>Types declared in a cell live in a submission class ("Submission#0+Color") and are in scope by their name.</summary>
    private static string EnumType(Type type) =>
        type.FullName is { } full && !full.Contains('#', StringComparison.Ordinal) ? "global::" + full.Replace('+', '.') : type.Name;
}
