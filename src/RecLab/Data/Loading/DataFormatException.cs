namespace RecLab.Data.Loading;

/// <summary>
/// Malformed input, located at a file and line (1-based), with what was expected and a hint.
/// The message reads <c>path:line[:column]: problem (expected ...). hint</c>.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public DataFormatException(string file, int line, string problem, string? expected = null, string? hint = null, int? column = null, Exception? inner = null)
        : base(Format(file, line, column, problem, expected, hint), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
        Expected = expected;
        Hint = hint;
    }

    /// <summary>The file, as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based column (character position), when known.</summary>
    public int? Column { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What the loader expected, when it can say.</summary>
    public string? Expected { get; }

    /// <summary>How to fix or work around it.</summary>
    public string? Hint { get; }

    /// <summary>The message without the hint: where, what, and what was expected.</summary>
    public string Located => Format(File, Line, Column, Problem, Expected, null);

    private static string Format(string file, int line, int? column, string problem, string? expected, string? hint)
    {
        var where = column is null ? $"{file}:{line}" : $"{file}:{line}:{column}";
        var text = $"{where}: {problem}";
        if (expected is not null)
            text += $" (expected {expected})";
        if (hint is not null)
            text += $". {hint}";
        return text;
    }
}
