using System.Globalization;
using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>Small notebooks the tests write: C# cells with ids c1, c2..., markdown cells m1, m2...</summary>
public static class TestNotebook
{
    public static string Write(string folder, params NotebookCell[] cells) => Write(folder, "test.ipynb", cells);

    public static string Write(string folder, string name, params NotebookCell[] cells)
    {
        var numbered = cells.Select((c, i) => c.Id.Length > 0 ? c : c with { Id = "c" + (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList();
        var path = Path.Combine(folder, name);
        new NotebookDocument { Cells = numbered, Metadata = NotebookDocument.CSharpMetadata() }.Save(path);
        return path;
    }

    public static NotebookCell Code(string source, params string[] tags) => NotebookCell.Code("", source, tags);

    public static NotebookCell Markdown(string source) => NotebookCell.Markdown("", source);

    /// <summary>A cell that references RecLab.Notebooks, as the bootstrap does, for notebooks that call <c>Notebook.Record</c>.</summary>
    public static NotebookCell ReferenceRecLab() => Code($"#r \"{typeof(Notebook).Assembly.Location}\"");

    /// <summary>A code cell whose metadata names another kernel, as Polyglot Notebooks saves it.</summary>
    public static NotebookCell ForKernel(string kernel, string source)
    {
        var cell = Code(source);
        cell.Metadata["polyglot_notebook"]!["kernelName"] = kernel;
        cell.Metadata["dotnet_interactive"]!["language"] = kernel;
        return cell;
    }
}
