using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// The cell papermill inserts after the cell tagged <c>parameters</c>: one assignment per overridden variable, the
/// text value converted to the variable's declared type and written as a C# literal.
/// </summary>
internal static class ParameterInjection
{
    public static string Code(string notebook, IReadOnlyDictionary<string, string> values, IReadOnlyList<ScriptVariable> declared)
    {
        var code = new StringBuilder("// Parameters given to reclab notebook run (--param).\n");
        foreach (var (name, text) in values)
        {
            var variable = declared.LastOrDefault(v => v.Name == name);
            if (variable is null)
            {
                var names = declared.Select(v => v.Name).Distinct().ToList();
                throw new NotebookException(
                    $"{notebook}: --param {name}: the parameters cell declares no '{name}'{DidYouMean.Hint(name, names)}; " +
                    $"it declares: {(names.Count == 0 ? "nothing" : string.Join(", ", names))}.");
            }

            code.Append(name).Append(" = ").Append(Literal(notebook, name, variable.Type, text)).Append(";\n");
        }

        return code.ToString();
    }

    private static string Literal(string notebook, string name, Type type, string text)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return text == "null" ? "null" : Literal(notebook, name, underlying, text);
        try
        {
            return type switch
            {
                _ when type == typeof(string) => SymbolDisplay.FormatLiteral(text, quote: true),
                _ when type == typeof(bool) => bool.Parse(text) ? "true" : "false",
                _ when type == typeof(char) && text.Length == 1 => SymbolDisplay.FormatLiteral(text[0], quote: true),
                _ when type.IsEnum => EnumMember(type, text),
                _ when type == typeof(double) => Real(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), "double", "d"),
                _ when type == typeof(float) => Real(float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), "float", "f"),
                _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "m",
                _ when IsInteger(type) => Integer(type, text),
                _ => throw new NotebookException(
                    $"{notebook}: --param {name}: the parameters cell declares it as {type.Name}, which cannot be set from text " +
                    "(strings, booleans, numbers and enums can)."),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new NotebookException(
                $"{notebook}: --param {name}={text}: not a valid {type.Name}, the type the parameters cell gives '{name}' ({e.Message}).", e);
        }
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ||
        type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    /// <summary>Parsed as the variable's own type, so an out-of-range value fails here rather than in the cell.</summary>
    private static string Integer(Type type, string text)
    {
        var parse = type.GetMethod(nameof(int.Parse), [typeof(string), typeof(NumberStyles), typeof(IFormatProvider)])!;
        object value;
        try
        {
            value = parse.Invoke(null, [text, NumberStyles.Integer, CultureInfo.InvariantCulture])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        // A constant in range converts implicitly to any integer type: no cast needed.
        return ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
    }

    private static string Real(double value, string keyword, string suffix) =>
        double.IsNaN(value) ? keyword + ".NaN"
        : double.IsPositiveInfinity(value) ? keyword + ".PositiveInfinity"
        : double.IsNegativeInfinity(value) ? keyword + ".NegativeInfinity"
        : (keyword == "float" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture)) + suffix;

    private static string EnumMember(Type type, string text)
    {
        var member = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"expected one of {string.Join(", ", Enum.GetNames(type))}");
        // Types declared in a cell live in a submission class ("Submission#0+Color") and are in scope by their name.
        var typeName = type.FullName is { } full && !full.Contains('#', StringComparison.Ordinal)
            ? "global::" + full.Replace('+', '.')
            : type.Name;
        return typeName + "." + member;
    }
}
