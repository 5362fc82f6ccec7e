// RecLab's notebook bootstrap: a notebook's first code cell is `#load "reclab.csx"` (`#load "../reclab.csx"` in research/).
// It references RecLab (RecLab.Core, .Charts, .Experiments, .Simulation, .Notebooks) and the libraries they use
// (MathNet.Numerics, YamlDotNet, ...) from the newest build of src/RecLab.Notebooks, Debug or Release, whichever was
// built last (or, under `reclab notebook run`, the copies that process runs), as a project referencing RecLab sees
// them; then it imports the namespaces below and registers RecLab's formatters for the cells after it.
// Nothing built yet: the cell says to run `dotnet build` in the repository root.
// In an app made by `reclab notebook export`, these lines stand for this file:
// export: #:project ../src/RecLab.Notebooks/RecLab.Notebooks.csproj
// export: using RecLab;
// export: using RecLab.Charts;
// export: using RecLab.Charts.Html;
// export: using RecLab.Charts.Plots;
// export: using RecLab.Data;
// export: using RecLab.Evaluation;
// export: using RecLab.Evaluation.Metrics;
// export: using RecLab.Notebooks;
// export: using RecLab.Recommenders;
// export: using RecLab.Splitting;
// (RecLab.Experiments' namespaces stay out: their ResultTable would clash with RecLab.Notebooks.ResultTable.)

static class ReclabBootstrap
{
    private static readonly string[] Assemblies = ["RecLab.Core", "RecLab.Charts", "RecLab.Experiments", "RecLab.Simulation", "RecLab.Notebooks"];

    public static void Run([System.Runtime.CompilerServices.CallerFilePath] string bootstrap = "")
    {
        var build = LoadedBuild() ?? NewestBuild(System.IO.Path.GetDirectoryName(bootstrap)!);
        var kernel = (Microsoft.DotNet.Interactive.CSharp.CSharpKernel)Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel;
        kernel.AddAssemblyReferences(WithLibraries(build));
        // The references exist from the next submission on, so the usings and the formatters come in one queued before it.
        var usings = System.IO.File.ReadLines(bootstrap).Where(line => line.StartsWith("// export: using ")).Select(line => line["// export: ".Length..]);
        kernel.DeferCommand(new Microsoft.DotNet.Interactive.Commands.SubmitCode(string.Join("\n", usings) + "\nRecLab.Notebooks.Notebook.Setup();\n"));
    }

    /// <summary>
    /// RecLab's assemblies and the libraries they reference that sit beside them, but not the kernel's own
    /// (.NET Interactive, Roslyn), which the kernel already references.
    /// </summary>
    private static IEnumerable<string> WithLibraries(string build)
    {
        var names = new SortedSet<string>(Assemblies, StringComparer.Ordinal);
        foreach (var assembly in Assemblies)
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(System.IO.File.OpenRead(System.IO.Path.Combine(build, assembly + ".dll")));
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var reference in metadata.AssemblyReferences)
                names.Add(metadata.GetString(metadata.GetAssemblyReference(reference).Name));
        }

        return names.Where(name => !name.StartsWith("Microsoft.DotNet.Interactive") && !name.StartsWith("Microsoft.CodeAnalysis"))
            .Select(name => System.IO.Path.Combine(build, name + ".dll"))
            .Where(System.IO.File.Exists);
    }

    /// <summary>The folder of the RecLab this process already runs (reclab notebook run, tests), else null.</summary>
    private static string LoadedBuild() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "RecLab.Notebooks" && a.Location.Length > 0)
            .Select(a => System.IO.Path.GetDirectoryName(a.Location)).FirstOrDefault();

    private static string NewestBuild(string notebooks)
    {
        var project = System.IO.Path.GetFullPath(System.IO.Path.Combine(notebooks, "..", "src", "RecLab.Notebooks"));
        var newest = new[] { "Debug", "Release" }
            .Select(configuration => new System.IO.FileInfo(System.IO.Path.Combine(project, "bin", configuration, "net10.0", "RecLab.Notebooks.dll")))
            .Where(dll => dll.Exists)
            .OrderByDescending(dll => dll.LastWriteTimeUtc)
            .FirstOrDefault();
        return newest?.DirectoryName ?? throw new System.IO.FileNotFoundException(
            $"RecLab is not built yet ({project}/bin has no build): run `dotnet build` in the repository root, then run this cell again.");
    }
}

ReclabBootstrap.Run();
