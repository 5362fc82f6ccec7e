using System.Text;
using System.Text.Json.Nodes;

namespace RecLab.Notebooks.Documents;

/// <summary>
/// A Jupyter notebook (nbformat 4): cells and metadata. Reads 4.x, writes 4.5 the way nbformat does (keys sorted,
/// one-space indent, text split into lines), so a notebook read and written again is unchanged.
/// </summary>
public sealed record NotebookDocument
{
    /// <summary>The nbformat major version read and written.</summary>
    public const int Format = 4;

    /// <summary>The nbformat minor version written (4.5 introduced cell ids).</summary>
    public const int FormatMinor = 5;

    /// <summary>The cells, in order.</summary>
    public required IReadOnlyList<NotebookCell> Cells { get; init; }

    /// <summary>The notebook metadata (kernelspec, language_info, ...), kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>
    /// The notebook metadata that VS Code's Polyglot Notebooks reads for a C# notebook: kernelspec
    /// <c>.net-csharp</c>, language_info C#, and <c>polyglot_notebook.kernelInfo</c> with C# as the default kernel.
    /// </summary>
    public static JsonObject CSharpMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "C#" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = NotebookCell.CSharpKernel,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = NotebookCell.CSharpKernel }),
            },
        },
    };

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotebookFormatException">It is not an nbformat 4 notebook; the message names the file.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Notebook not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a notebook from its JSON text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="NotebookFormatException">It is not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string json, string source = "notebook") => NbformatReader.Read(json, source);

    /// <summary>The notebook as nbformat 4.5 JSON, ending with a newline.</summary>
    public string ToJson() => NbformatWriter.Write(this);

    /// <summary>Writes the notebook as UTF-8 (no BOM), creating its folder.</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
