using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// A code cell as C#: which kernel it is for (cell metadata, else a leading <c>#!kernel</c> line, else C#), its
/// code without that line, and what in it only .NET Interactive understands.
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

    /// <summary>Lines that need .NET Interactive itself: NuGet references, package sources and magic commands.</summary>
    public IEnumerable<string> Refusals()
    {
        foreach (var raw in Code.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#r", StringComparison.Ordinal) && line.Replace(" ", "", StringComparison.Ordinal).StartsWith("#r\"nuget:", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{line} is not supported: notebooks run offline against the RecLab build. Add the package to a RecLab " +
                             "project (Directory.Packages.props), build, and use the assemblies that notebooks/reclab.csx references.";
            }
            else if (line.StartsWith("#i ", StringComparison.Ordinal) || line == "#i")
            {
                yield return $"{line} (a NuGet source) is not supported: notebooks run offline against the RecLab build.";
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                yield return $"{line} is a .NET Interactive magic command; reclab notebook run runs plain C# only (one kernel per cell, on its first line).";
            }
        }
    }

    /// <summary>Whether the code ends with an expression without a semicolon (the cell's result, shown as its output).</summary>
    public bool HasTrailingExpression()
    {
        var root = CSharpSyntaxTree.ParseText(Code, ParseOptions).GetCompilationUnitRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };
    }
}
