namespace RecLab.Notebooks.Hosting;

/// <summary>
/// <c>value.Display()</c> where .NET Interactive does not provide it: <c>reclab notebook run</c> and exported
/// file-based apps import this namespace; notebooks themselves do not (in Polyglot Notebooks the kernel's own
/// <c>Display()</c> applies).
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> (see <see cref="Notebook.Display"/>).</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Only these representations; all available when empty.</param>
    public static void Display(this object? value, params string[] mimeTypes) => Notebook.Display(value, mimeTypes);
}
