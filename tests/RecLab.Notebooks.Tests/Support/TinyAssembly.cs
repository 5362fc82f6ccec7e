using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>Compiles a one-class assembly to a file, for #r tests: a DLL this process has never loaded.</summary>
public static class TinyAssembly
{
    public static string Write(string path, string name, string source)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
