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

        Assert.Equal(["#:project ../src/Lib/Lib.csproj"], app.Split('\n').Where(l => l.StartsWith("#:", StringComparison.Ordinal)));
        var usings = app.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["using System.Text;", "using System.Text.Json;", "using Lib.Things;", "using RecLab.Notebooks.Hosting;"], usings);
        Assert.Contains("// # Title\n//\n// Prose.\n", app, StringComparison.Ordinal);
        Assert.Contains("#region Cell 3 [parameters]\nvar size = 3; // small\nvar name = \"x\";\n", app, StringComparison.Ordinal);
        Assert.Contains("AppArguments.Check(args, \"size\", \"name\");\nsize = AppArguments.Override(args, \"size\", size);\n", app, StringComparison.Ordinal);
        Assert.Contains("var p = new Point(size, 2);\ndisplay(p.X + p.Y);\n#endregion", app, StringComparison.Ordinal);
        Assert.Contains("// Cell 5 is for the pwsh kernel: not part of this app.", app, StringComparison.Ordinal);
        Assert.Contains("Directory.SetCurrentDirectory(Path.GetFullPath(\"../notebooks\",", app, StringComparison.Ordinal);
        // Types after all statements, as top-level programs require.
        Assert.True(app.IndexOf("record Point", StringComparison.Ordinal) > app.IndexOf("static void display", StringComparison.Ordinal));
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
            var start = new ProcessStartInfo("dotnet", ["run", app, "--", "data=" + data])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"dotnet run exited {process.ExitCode}:\n{await output}\n{await error}");
            var match = RecordedNdcg().Match(await output);
            Assert.True(match.Success, await output);
            Assert.InRange(double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture), 0.306, 0.336);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
