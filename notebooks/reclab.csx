// RecLab's notebook bootstrap: a notebook's first code cell is `#load "reclab.csx"` (`#load "../reclab.csx"` in research/).
// It references RecLab (RecLab.Core, .Charts, .Experiments, .Simulation, .Notebooks) and the libraries they use
// (Plotly.NET with FSharp.Core, Microsoft.Data.Analysis, MathNet.Numerics, YamlDotNet, ...) from the newest build of
// src/RecLab.Notebooks, Debug or Release, whichever was built last (or, under `reclab notebook run`, the copies that
// process runs), as a project referencing RecLab sees them; then it imports the namespaces below and registers RecLab's formatters for the cells after it.
// Nothing built yet: the cell says to run `dotnet build` in the repository root.
// In an app made by `reclab notebook export`, these lines stand for this file:
// export: #:project ../src/RecLab.Notebooks/RecLab.Notebooks.csproj
// export: using Plotly.NET.CSharp;
// export: using GenericChart = Plotly.NET.GenericChart;
// export: using StyleParam = Plotly.NET.StyleParam;
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
        BindToLoaded();
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
            .Select(name => Loaded(name)?.Location is { Length: > 0 } loaded ? loaded : System.IO.Path.Combine(build, name + ".dll"))
            .Where(System.IO.File.Exists);
    }

    /// <summary>
    /// A library the kernel's process already runs stays its one copy: dotnet-interactive 1.0.712001 ships
    /// FSharp.Core 10.0, and Plotly.NET 6 asks for 10.1, which the runtime would not bind to the loaded 10.0 (a second
    /// copy would give two FSharpFunc types, and Plotly.NET's calls into Giraffe would fail). Asked only for what the
    /// runtime could not bind itself.
    /// </summary>
    private static void BindToLoaded()
    {
        if (AppDomain.CurrentDomain.GetData("reclab.bind-to-loaded") is not null)
            return;
        AppDomain.CurrentDomain.SetData("reclab.bind-to-loaded", true);
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (_, name) => name.Name is { } simple ? Loaded(simple) : null;
    }

    private static System.Reflection.Assembly Loaded(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == name);

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
