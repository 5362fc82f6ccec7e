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
        var path = Write(temp.Path, "ok.ipynb", ReferenceRecLab(), Code("var k = 2;", "parameters"), Code("RecLab.Notebooks.Notebook.Record(\"k\", k * 1.5);"));
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
        Assert.Contains($"error: {path}: cell In [2] (id c2) failed: ArgumentException: no", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "o", "bad.ipynb")));
    }

    [Theory]
    [InlineData("--param", "novalue", "expected NAME=VALUE")]
    [InlineData("--in-place", "--param=k=1", "--in-place refreshes notebooks as committed")]
    public async Task Bad_arguments_exit_2(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var a = 1;"));

        var (code, _, stderr) = await Reclab("notebook", "run", path, option, value, "--output", temp.Path + "/o");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_runs_every_notebook_below_it_and_a_param_one_does_not_declare_is_skipped_with_a_note()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "notebooks");
        Write(folder, "a.ipynb", ReferenceRecLab(), Code("var k = 2;", "parameters"), Code("RecLab.Notebooks.Notebook.Record(\"k\", k);"));
        Write(Path.Combine(folder, "research"), "b.ipynb", ReferenceRecLab(), Code("RecLab.Notebooks.Notebook.Record(\"b\", 1);"));
        Write(Path.Combine(folder, "out"), "stale.ipynb", Code("throw new Exception(\"an executed copy, not a notebook\");"));

        var (code, stdout, stderr) = await Reclab("notebook", "run", folder, "--param", "k=5", "--output", Path.Combine(temp.Path, "o"));

        Assert.True(code == 0, stderr);
        Assert.Contains("recorded k = 5", stdout, StringComparison.Ordinal);
        Assert.Contains("recorded b = 1", stdout, StringComparison.Ordinal);
        Assert.Contains("warning: " + Path.Combine(folder, "research", "b.ipynb") + ": no cell is tagged 'parameters'; --param k skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("2/2 notebooks ran without error", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_place_replaces_a_notebook_that_ran_and_leaves_one_that_failed()
    {
        using var temp = new TempFolder();
        var good = Write(temp.Path, "good.ipynb", Code("$\"{6 * 7}\""));
        var bad = Write(temp.Path, "bad.ipynb", Code("var x = 1;"), Code("throw new Exception(\"no\");"));
        var badBefore = File.ReadAllText(bad);

        var (code, stdout, _) = await Reclab("notebook", "run", good, bad, "--in-place");

        Assert.Equal(1, code);
        Assert.Contains("42", File.ReadAllText(good), StringComparison.Ordinal);
        Assert.Equal(badBefore, File.ReadAllText(bad));
        Assert.Contains($"{bad} left as it was", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.partial"));
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
