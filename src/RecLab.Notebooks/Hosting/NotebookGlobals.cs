namespace RecLab.Notebooks.Hosting;

/// <summary>
/// The globals of a notebook run by <c>reclab notebook run</c>: what a cell can call unqualified. It supplies
/// <c>display</c>, which .NET Interactive defines itself in Polyglot Notebooks, so the same cells run in both.
/// </summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as an output of the running cell (see <see cref="Notebook.Display"/>).</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Only these representations; all available when empty.</param>
#pragma warning disable IDE1006 // the notebook API's name is lower case, as in .NET Interactive
    public void display(object? value, params string[] mimeTypes) => Notebook.Display(value, mimeTypes);
#pragma warning restore IDE1006
}
