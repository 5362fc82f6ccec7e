using RecLab.Charts.Tests.Support;
using RecLab.Cli;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Cli;

public sealed class NotebookCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Reclab(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_writes_the_executed_copy_and_page_and_prints_recorded_results()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "ok.ipynb", Code("var k = 2;", "parameters"), Code("RecLab.Notebooks.Notebook.Record(\"k\", k * 1.5);"));
        var output = Path.Combine(temp.Path, "executed");

        var (code, stdout, stderr) = await Reclab("notebook", "run", path, "--output", output, "--param", "k=4");

        Assert.True(code == 0, stderr);
        Assert.Contains("recorded k = 6", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "ok.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "ok.html")));
    }

    [Fact]
    public async Task A_failing_cell_exits_1_naming_the_notebook_and_the_cell_and_still_writes_the_copy()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "bad.ipynb", Code("var a = 1;"), Code("throw new ArgumentException(\"no\");"));

        var (code, _, stderr) = await Reclab("notebook", "run", path, "--output", temp.Path + "/o");

        Assert.Equal(1, code);
        Assert.Contains($"error: {path}: cell 2 (id c2) failed: ArgumentException: no", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "o", "bad.ipynb")));
    }

    [Theory]
    [InlineData("--param", "novalue", "expected NAME=VALUE")]
    [InlineData("--param", "x=1", "no cell is tagged 'parameters'")]
    public async Task Bad_parameters_exit_2(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var a = 1;"));

        var (code, _, stderr) = await Reclab("notebook", "run", path, option, value, "--output", temp.Path + "/o");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_a_file_based_app_next_to_the_notebook()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, "app.ipynb", Code("1 + 1"));

        var (code, stdout, stderr) = await Reclab("notebook", "export", path, "--to", "cs");

        Assert.True(code == 0, stderr);
        var app = Path.Combine(temp.Path, "app.cs");
        Assert.Contains("display(1 + 1);", File.ReadAllText(app), StringComparison.Ordinal);
        Assert.Contains("dotnet run " + app, stdout, StringComparison.Ordinal);
    }
}
