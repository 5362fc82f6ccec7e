using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// .NET Interactive's C# kernel as the <c>dotnet-interactive</c> tool builds it for Jupyter and VS Code (its C#
/// part): <c>#r "nuget:"</c> and <c>#i</c>, <c>display()</c> and the kernel helpers, <c>#!who</c>, value sharing,
/// and HTML as the default MIME type with text for strings, as its browser front ends set the formatter.
/// </summary>
/// <remarks>
/// The tool's other kernels (F#, PowerShell, HTML, Mermaid, ...) and its Jupyter-only magics (<c>#!time</c>,
/// <c>#!lsmagic</c>) are not part of its packages; a cell that needs them fails here with the kernel's own message.
/// </remarks>
internal static class NotebookKernel
{
    public const string CSharp = "csharp";

    public static CompositeKernel Create()
    {
        Formatter.DefaultMimeType = "text/html";
        Formatter.SetPreferredMimeTypesFor(typeof(string), "text/plain");
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, resolved) =>
            {
                kernel.AddAssemblyReferences(resolved.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = CSharp;
        return composite.UseImportMagicCommand();
    }

    /// <summary>The C# kernel of <paramref name="kernel"/>.</summary>
    public static CSharpKernel CSharpOf(CompositeKernel kernel) => (CSharpKernel)kernel.FindKernelByName(CSharp);
}
