using System.Text;
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

        return code.ToString();
    }
}
