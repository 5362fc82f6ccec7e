using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// A code cell as C#: which kernel it is for (cell metadata, else a leading <c>#!kernel</c> line, else C#), its
/// code without that line.
/// </summary>
internal sealed record CellCode(string Kernel, string Code)
{
    /// <summary>The names .NET Interactive gives its C# kernel.</summary>
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#" };

    /// <summary>.NET Interactive's other kernels; any other <c>#!name</c> is a magic command.</summary>
    private static readonly HashSet<string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql", "mermaid",
        "value", "http", "python", "r", "typescript", "ts",
    };

    public static CSharpParseOptions ParseOptions { get; } =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    public bool IsCSharp => CSharpNames.Contains(Kernel);

    public static CellCode Of(NotebookCell cell)
    {
        var source = cell.Source;
        var firstLineEnd = source.IndexOf('\n');
        var firstLine = (firstLineEnd < 0 ? source : source[..firstLineEnd]).Trim();
        var directive = firstLine.StartsWith("#!", StringComparison.Ordinal) ? firstLine[2..].Split(' ', 2)[0] : null;
        var metadataKernel = cell.KernelName;

        if (directive is not null && (CSharpNames.Contains(directive) || OtherKernels.Contains(directive)))
        {
            var rest = firstLineEnd < 0 ? "" : source[(firstLineEnd + 1)..];
            return new CellCode(directive, rest);
        }

        return new CellCode(metadataKernel ?? "csharp", source);
    }
}
