using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using RecLab.Recommenders;

namespace RecLab.Notebooks.Execution;

/// <summary>A parameter given as text, read as the type its notebook variable has, and written back as a C# literal.</summary>
internal static class ParameterValue
{
    /// <summary>
    /// The value of <paramref name="text"/> as a <paramref name="type"/>, read as algorithm options are (numbers
    /// invariant, enums by name in any case or kebab-case, lists separated by <c>|</c>, <c>null</c> for nullables).
    /// </summary>
    /// <exception cref="FormatException">Not a value of the type; the message says what is expected.</exception>
    public static object? Parse(Type type, string text) =>
        OptionsBinder.TryParse(type, text, out var value)
            ? value
            : throw new FormatException($"expected {OptionsBinder.DescribeType(type)}");

    /// <summary>A C# expression for <paramref name="value"/> that assigns to a variable of its type without a cast.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool b => b ? "true" : "false",
        double d => Real(d, "double", d.ToString("R", CultureInfo.InvariantCulture), "d"),
        float f => Real(f, "float", f.ToString("R", CultureInfo.InvariantCulture), "f"),
        Enum e => TypeName(e.GetType()) + "." + e,
        Array array => $"new {TypeName(array.GetType().GetElementType()!)}[] {{ {string.Join(", ", array.Cast<object?>().Select(Literal))} }}",
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
    private static string TypeName(Type type) =>
        type.FullName is { } full && !full.Contains('#', StringComparison.Ordinal) ? "global::" + full.Replace('+', '.') : type.Name;
}
