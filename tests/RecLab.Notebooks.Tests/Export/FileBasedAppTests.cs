using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Export;
using RecLab.Notebooks.Tests.Support;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Export;

public sealed partial class FileBasedAppTests
{
    [Fact]
    public void Cells_become_regions_markdown_comments_and_references_projects()
    {
        using var temp = new TempFolder();
        var project = Path.Combine(temp.Path, "src", "Lib");
        Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0"));
        File.WriteAllText(Path.Combine(project, "Lib.csproj"), "<Project />");
        var notebooks = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.WriteAllText(Path.Combine(notebooks, "boot.csx"), "#r \"../src/Lib/bin/Debug/net10.0/Lib.dll\"\n#r \"../src/Lib/bin/Debug/net10.0/Dependency.dll\"\nglobal using Lib.Things;\n");
        var path = Write(notebooks,
            Markdown("# Title\n\nProse."),
            Code("#load \"boot.csx\""),
            Code("var size = 3; // small\nvar name = \"x\";", "parameters"),
            Code("using System.Text.Json;\nrecord Point(int X, int Y);\nvar p = new Point(size, 2);\np.X + p.Y"),
            ForKernel("pwsh", "Get-Date"));

        var app = FileBasedApp.Export(path, Path.Combine(temp.Path, "apps", "demo.cs"));

        Assert.Equal(["#:project ../src/Lib/Lib.csproj", "#:property JsonSerializerIsReflectionEnabledByDefault=true", "#:property ImplicitUsings=disable"],
            app.Split('\n').Where(l => l.StartsWith("#:", StringComparison.Ordinal)));
        var usings = app.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "using System;", "using System.Collections;", "using System.Collections.Generic;", "using System.Linq;", "using System.Text;",
            "using System.Text.Json;", "using System.Threading.Tasks;", "using Lib.Things;", "using RecLab.Notebooks.Hosting;",
        ], usings);
        Assert.Contains("AppArguments.ExitOnBadInput();", app, StringComparison.Ordinal);
        Assert.Contains("// # Title\n//\n// Prose.\n", app, StringComparison.Ordinal);
        Assert.Contains("#region Cell 3 [parameters]\nvar size = 3; // small\nvar name = \"x\";\n", app, StringComparison.Ordinal);
        Assert.Contains("AppArguments.Check(args, \"size\", \"name\");\nsize = AppArguments.Override(args, \"size\", size);\n", app, StringComparison.Ordinal);
        Assert.Contains("var p = new Point(size, 2);\ndisplay(p.X + p.Y);\n#endregion", app, StringComparison.Ordinal);
        Assert.Contains("// Cell 5 is for the pwsh kernel: not part of this app.", app, StringComparison.Ordinal);
        Assert.Contains("System.IO.Directory.SetCurrentDirectory(System.IO.Path.GetFullPath(\"../notebooks\",", app, StringComparison.Ordinal);
        // Types after all statements, as top-level programs require.
        Assert.True(app.IndexOf("record Point", StringComparison.Ordinal) > app.IndexOf("static void display", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bootstrap_becomes_its_export_lines_a_project_reference_and_the_usings_it_gives_the_kernel()
    {
        var app = FileBasedApp.Export(Path.Combine(Repository.NotebooksFolder, "research", "algorithm-comparison.ipynb"),
            Path.Combine(Repository.NotebooksFolder, "out", "algorithm-comparison.cs"));

        Assert.Contains("#:project ../../src/RecLab.Notebooks/RecLab.Notebooks.csproj\n", app, StringComparison.Ordinal);
        foreach (var name in File.ReadLines(Path.Combine(Repository.NotebooksFolder, "reclab.csx")).Where(l => l.StartsWith("// export: using ", StringComparison.Ordinal)))
            Assert.Contains("\n" + name["// export: ".Length..] + "\n", app, StringComparison.Ordinal);
        Assert.Contains("\nusing RecLab.Splitting;\n", app, StringComparison.Ordinal);
        Assert.DoesNotContain("ReclabBootstrap", app, StringComparison.Ordinal);
    }

    [Fact]
    public void The_apps_imports_are_the_kernels()
    {
        using var kernel = new Microsoft.DotNet.Interactive.CSharp.CSharpKernel();
        var options = (Microsoft.CodeAnalysis.Scripting.ScriptOptions)typeof(Microsoft.DotNet.Interactive.CSharp.CSharpKernel)
            .GetField("_scriptOptions", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(kernel)!;

        Assert.Equal(options.Imports.Order(), FileBasedApp.KernelImports.Order());
    }

    [Fact]
    public void A_reference_that_is_not_a_project_output_cannot_be_exported()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("#r \"somewhere/Loose.dll\""));

        var e = Assert.Throws<NotebookException>(() => FileBasedApp.Export(path, Path.Combine(temp.Path, "app.cs")));

        Assert.Contains("cell 1: #r \"somewhere/Loose.dll\" cannot be exported", e.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^ndcg@10 = (?<value>[0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex RecordedNdcg();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_exported_quickstart_builds_and_runs_with_dotnet_run()
    {
        var data = Repository.MovieLensSmall();
        // Inside the repository, so the app builds under its Directory.Build.props (warnings are errors) as a student's would.
        var folder = Path.Combine(Repository.NotebooksFolder, "out", "export-test-" + Guid.NewGuid().ToString("N")[..8]);
        var app = Path.Combine(folder, "00-quickstart.cs");
        try
        {
            FileBasedApp.Write(Path.Combine(Repository.NotebooksFolder, "00-quickstart.ipynb"), app);
            var (code, output, error) = await DotnetRun(app, folder, "data=" + data);

            Assert.True(code == 0, $"dotnet run exited {code}:\n{output}\n{error}");
            var match = RecordedNdcg().Match(output);
            Assert.True(match.Success, output);
            Assert.InRange(double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture), 0.306, 0.336);

            // A bad argument: one line and exit code 2, not an unhandled exception.
            var (badCode, badOut, badError) = await DotnetRun(app, folder, "sise=3");
            Assert.True(badCode == 2, $"exit {badCode}:\n{badOut}\n{badError}");
            Assert.StartsWith("error: Argument 'sise=3': expected NAME=VALUE", badError, StringComparison.Ordinal);
            Assert.Single(badError.Trim().Split('\n'));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Out, string Err)> DotnetRun(string app, string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["run", app, "--", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
