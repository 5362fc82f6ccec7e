using System.Text;
using Microsoft.CodeAnalysis.Scripting;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// The cell papermill inserts after the cell tagged <c>parameters</c>: one assignment per overridden variable, the
/// text value converted to the variable's declared type and written as a C# literal.
/// </summary>
internal static class ParameterInjection
{
    /// <summary>
    /// The injected cell's code, and a note for each value whose name the parameters cell does not declare (skipped,
    /// so one <c>--param</c> can serve a whole folder of notebooks).
    /// </summary>
    /// <exception cref="NotebookException">A value that is not valid for its variable's type.</exception>
    public static (string Code, IReadOnlyList<string> Skipped) Code(string notebook, IReadOnlyDictionary<string, string> values, IReadOnlyList<ScriptVariable> declared)
    {
        var code = new StringBuilder("// Parameters given to reclab notebook run (--param).\n");
        var skipped = new List<string>();
        var names = declared.Select(v => v.Name).Distinct().ToList();
        foreach (var (name, text) in values)
        {
            var variable = declared.LastOrDefault(v => v.Name == name);
            if (variable is null)
            {
                skipped.Add($"{notebook}: --param {name} skipped: the parameters cell declares no '{name}'{DidYouMean.Hint(name, names)}; " +
                            $"it declares: {(names.Count == 0 ? "nothing" : string.Join(", ", names))}.");
                continue;
            }

            object? value;
            try
            {
                value = ParameterValue.Parse(variable.Type, text);
            }
            catch (FormatException e)
            {
                throw new NotebookException(
                    $"{notebook}: --param {name}={text}: not a valid {variable.Type.Name}, the type the parameters cell gives '{name}' ({e.Message}).", e);
            }

            code.Append(name).Append(" = ").Append(ParameterValue.Literal(value)).Append(";\n");
        }

        return (code.ToString(), skipped);
    }
}
