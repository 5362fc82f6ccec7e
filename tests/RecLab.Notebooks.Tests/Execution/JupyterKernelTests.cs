using System.Diagnostics;
using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Execution;

/// <summary>
/// The same notebook through the Jupyter protocol (nbconvert, the .net-csharp kernel of the dotnet-interactive tool, as
/// VS Code's Jupyter extension starts it) and through <c>reclab notebook run</c>: they fail the same way.
/// Skipped where Jupyter or the kernel is not installed (CI installs both).
/// </summary>
[Collection(nameof(ProcessState))]
public sealed class JupyterKernelTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_cell_using_File_without_System_IO_fails_in_the_Jupyter_kernel_exactly_as_in_reclab_notebook_run()
    {
        RequireJupyter();
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var name = \"ratings.csv\";"), Code("if (!File.Exists(name))\n    throw new FileNotFoundException(name);"));

        var inProcess = await new NotebookRunner().RunAsync(path, ct: TestContext.Current.CancellationToken);
        var inJupyter = await Nbconvert(path, temp.Path);

        Assert.Equal(2, inProcess.Failure?.CellNumber);
        // Written as nbformat writes them, the failing cell's outputs are the same.
        Assert.Equal(Json(inProcess.Executed.Cells[1]), Json(inJupyter.Cells[1]));
        Assert.Contains("error CS0246: The type or namespace name 'FileNotFoundException' could not be found",
            Assert.IsType<StreamOutput>(inJupyter.Cells[1].Outputs[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Before_anything_is_built_the_bootstrap_says_which_command_to_run()
    {
        RequireJupyter();
        using var temp = new TempFolder();
        var notebooks = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.Copy(Path.Combine(Repository.NotebooksFolder, "reclab.csx"), Path.Combine(notebooks, "reclab.csx"));
        var path = Write(notebooks, Code("#load \"reclab.csx\""));

        var executed = await Nbconvert(path, temp.Path);

        var error = Assert.Single(executed.Cells[0].Outputs.OfType<ErrorOutput>());
        Assert.Contains("RecLab is not built yet", error.Value, StringComparison.Ordinal);
        Assert.Contains("run `dotnet build` in the repository root, then run this cell again", error.Value, StringComparison.Ordinal);
    }

    private static string Json(NotebookCell cell) => new NotebookDocument { Cells = [cell with { Metadata = [] }] }.ToJson();

    private static void RequireJupyter()
    {
        var kernels = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels", ".net-csharp");
        if (!File.Exists("/usr/bin/jupyter-nbconvert") || !Directory.Exists(kernels))
            RecLab.Tests.Support.TestSkip.Because("Jupyter's nbconvert and the .net-csharp kernel are not installed (apt-get install jupyter-nbconvert python3-nbclient jupyter-client; dotnet tool install -g Microsoft.dotnet-interactive; dotnet interactive jupyter install).");
    }

    /// <summary>The notebook executed by <c>jupyter nbconvert --execute --allow-errors</c>.</summary>
    private static async Task<NotebookDocument> Nbconvert(string notebook, string folder)
    {
        var output = Path.Combine(folder, "jupyter");
        var start = new ProcessStartInfo("/usr/bin/jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=.net-csharp", "--output-dir", output, notebook])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        start.Environment["PATH"] = $"/usr/bin:{tools}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"nbconvert exited {process.ExitCode}: {await stdout}\n{await stderr}");
        return NotebookDocument.Load(Path.Combine(output, Path.GetFileName(notebook)));
    }
}
