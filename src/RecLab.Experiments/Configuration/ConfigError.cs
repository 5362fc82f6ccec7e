namespace RecLab.Experiments.Configuration;

/// <summary>
/// One problem in an experiment file, located as <c>file:line:column</c> (1-based) and by its key path,
/// e.g. <c>experiments.yaml:12:7: algorithms[1].options.neighbours: unknown key (did you mean 'neighbors'?)</c>.
/// </summary>
/// <param name="Source">The file as named by the user, or the <c>--set</c> override the value came from.</param>
/// <param name="Line">1-based line; 0 when the source has no lines (an override).</param>
/// <param name="Column">1-based column; 0 when the source has no lines.</param>
/// <param name="Path">Key path such as <c>algorithms[1].options.neighbors</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong, with a suggestion when there is one.</param>
public sealed record ConfigError(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary>The error as one line: <c>source:line:column: path: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
        return Path.Length > 0 ? $"{where}: {Path}: {Message}" : $"{where}: {Message}";
    }
}
