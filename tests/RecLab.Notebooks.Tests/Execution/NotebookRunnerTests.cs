using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Execution;

[Collection(nameof(ProcessState))]
public sealed class NotebookRunnerTests
{
    private static Task<NotebookRun> Run(string path, Dictionary<string, string>? parameters = null) =>
        new NotebookRunner().RunAsync(path, new NotebookRunOptions { Parameters = parameters ?? [] }, TestContext.Current.CancellationToken);

    private static string PlainText(CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/plain"];

    [Fact]
    public async Task Cells_share_state_and_a_trailing_expression_is_the_cell_result()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("var x = 20;"),
            Markdown("# between"),
            Code("int Twice(int v) => 2 * v;"),
            Code("Twice(x) + 2"),
            Code("x += 1;"),
            Code("x"));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var cells = run.Executed.Cells;
        Assert.Equal([1, null, 2, 3, 4, 5], cells.Select(c => c.ExecutionCount));
        var result = Assert.IsType<DisplayOutput>(Assert.Single(cells[3].Outputs));
        Assert.Equal(3, result.ExecutionCount);
        Assert.Equal("42", result.Data["text/plain"]);
        Assert.Empty(cells[4].Outputs);
        Assert.Equal("21", PlainText(Assert.Single(cells[5].Outputs)));
    }

    [Fact]
    public async Task Display_uses_the_convention_formatter_the_value_type_names()
    {
        using var temp = new TempFolder();
        var assembly = typeof(Tagged).Assembly.Location;
        var path = Write(temp.Path,
            Code($"#r \"{assembly}\"\nusing RecLab.Notebooks.Tests.Support;"),
            Code("display(new Tagged(\"one\"));\nnew Tagged(\"two\").Display();\nnew Tagged(\"three\")"));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var outputs = run.Executed.Cells[1].Outputs.Cast<DisplayOutput>().ToList();
        Assert.Equal(["<b class=\"tagged\">one</b>", "<b class=\"tagged\">two</b>", "<b class=\"tagged\">three</b>"], outputs.Select(o => o.Data["text/html"]));
        Assert.Equal("Tagged { Label = one }", outputs[0].Data["text/plain"]);
        Assert.Equal([null, null, 2], outputs.Select(o => o.ExecutionCount));
        Assert.IsType<Tagged>(outputs[2].Value);
    }

    [Fact]
    public async Task Standard_output_and_error_become_stream_outputs_in_order()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"oops\");\ndisplay(\"shown\");\nConsole.WriteLine(\"c\");"),
            Code("await Task.Run(() => Console.WriteLine(\"from a task\"));"));
        var before = Console.Out;

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var outputs = run.Executed.Cells[0].Outputs;
        Assert.Equal(4, outputs.Count);
        Assert.Equal(new StreamOutput { Name = "stdout", Text = "ab\n" }, outputs[0]);
        Assert.Equal(new StreamOutput { Name = "stderr", Text = "oops\n" }, outputs[1]);
        Assert.Equal("shown", PlainText(outputs[2]));
        Assert.Equal(new StreamOutput { Name = "stdout", Text = "c\n" }, outputs[3]);
        Assert.Equal(new StreamOutput { Name = "stdout", Text = "from a task\n" }, Assert.Single(run.Executed.Cells[1].Outputs));
        Assert.Same(before, Console.Out);
    }

    [Fact]
    public async Task An_exception_fails_the_run_naming_the_notebook_and_the_cell()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Markdown("# A failing notebook"),
            Code("var a = 1;"),
            Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"),
            Code("a = 2;"));

        var run = await Run(path);

        var failure = Assert.IsType<NotebookFailure>(run.Failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal("c3", failure.CellId);
        Assert.Equal("InvalidOperationException", failure.ErrorName);
        Assert.Equal("boom", failure.Message);
        Assert.Equal($"{path}: cell 3 (id c3) failed: InvalidOperationException: boom", failure.ToString());
        var failed = run.Executed.Cells[2];
        Assert.IsType<StreamOutput>(failed.Outputs[0]);
        var error = Assert.IsType<ErrorOutput>(failed.Outputs[1]);
        Assert.Contains(error.Traceback, line => line.Contains("boom", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal));
        Assert.Null(run.Executed.Cells[3].ExecutionCount);
    }

    [Fact]
    public async Task A_compile_error_names_the_cell_and_the_line()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var ok = 1;"), Code("var a = 1;\nvar b = a +;"));

        var run = await Run(path);

        var failure = Assert.IsType<NotebookFailure>(run.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.StartsWith("cell 2, line 2: CS1525", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nuget_references_are_refused_naming_the_cell()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var ok = 1;"), Code("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nvar x = 1;"));

        var run = await Run(path);

        var failure = Assert.IsType<NotebookFailure>(run.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Contains("#r \"nuget: Newtonsoft.Json, 13.0.3\" is not supported", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"cell 2", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Magic_commands_are_refused()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("#!time\nvar x = 1;"));

        var run = await Run(path);

        Assert.Contains("#!time is a .NET Interactive magic command", Assert.IsType<NotebookFailure>(run.Failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_kernels_are_skipped_with_a_warning_and_a_leading_csharp_line_is_stripped()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("#!csharp\nvar x = 1;"),
            ForKernel("pwsh", "Get-ChildItem"),
            Code("#!fsharp\nlet y = 2"),
            Code("#!markdown\n# not code"),
            Code("#!c#\nx + 1"));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal([1, null, null, null, 2], run.Executed.Cells.Select(c => c.ExecutionCount));
        Assert.Equal(3, run.Warnings.Count);
        Assert.Contains("cell 2 is for the pwsh kernel; skipped", run.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("cell 3 is for the fsharp kernel", run.Warnings[1], StringComparison.Ordinal);
        Assert.Contains("cell 4 is for the markdown kernel", run.Warnings[2], StringComparison.Ordinal);
        Assert.Equal("2", PlainText(Assert.Single(run.Executed.Cells[4].Outputs)));
    }

    [Fact]
    public async Task Parameters_are_assigned_after_the_tagged_cell_with_its_types()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("var name = \"default\";\nvar size = 10;\nvar rate = 0.5;\nvar fast = false;\nvar seed = 42UL;\nvar mode = DayOfWeek.Monday;", "parameters"),
            Code("RecLab.Notebooks.Notebook.Record(\"summary\", $\"{name}|{size + 1}|{rate * 2}|{fast}|{seed}|{mode}\");"));

        var run = await Run(path, new() { ["name"] = "tiny \"q\"", ["size"] = "5", ["rate"] = "0.25", ["fast"] = "true", ["seed"] = "7", ["mode"] = "friday" });

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("tiny \"q\"|6|0.5|True|7|Friday", Assert.Single(run.Recorded).Value);
        var injected = run.Executed.Cells[1];
        Assert.Equal([NotebookCell.InjectedParametersTag], injected.Tags);
        Assert.Contains("size = 5;", injected.Source, StringComparison.Ordinal);
        Assert.Contains("name = \"tiny \\\"q\\\"\";", injected.Source, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], run.Executed.Cells.Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task Without_parameters_the_tagged_cell_runs_as_written()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var size = 10;", "parameters"), Code("size"));

        var run = await Run(path);

        Assert.Equal(2, run.Executed.Cells.Count);
        Assert.Equal("10", PlainText(Assert.Single(run.Executed.Cells[1].Outputs)));
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_with_the_declared_names()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var size = 10;\nvar seed = 1;", "parameters"));

        var e = await Assert.ThrowsAsync<NotebookException>(() => Run(path, new() { ["sise"] = "5" }));

        Assert.Contains("--param sise: the parameters cell declares no 'sise' (did you mean 'size'?); it declares: size, seed.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_value_of_the_wrong_type_is_refused()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var size = 10;", "parameters"));

        var e = await Assert.ThrowsAsync<NotebookException>(() => Run(path, new() { ["size"] = "ten" }));

        Assert.Contains("--param size=ten: not a valid Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_for_a_notebook_without_a_parameters_cell_are_refused()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var size = 10;"));

        var e = await Assert.ThrowsAsync<NotebookException>(() => Run(path, new() { ["size"] = "5" }));

        Assert.Contains("no cell is tagged 'parameters'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_r_and_relative_paths_resolve_against_the_notebook_folder()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "nested");
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.WriteAllText(Path.Combine(folder, "lib", "helper.csx"), "#r \"Tiny.dll\"\nint Helper() => Tiny.Answer - 1;\n");
        TinyAssembly.Write(Path.Combine(folder, "lib", "Tiny.dll"), "Tiny", "public static class Tiny { public static int Answer => 42; }");
        File.WriteAllText(Path.Combine(folder, "data.txt"), "x");
        var path = Write(folder, Code("#load \"lib/helper.csx\""), Code("Helper() + File.ReadAllText(\"data.txt\").Length"));
        var directory = Environment.CurrentDirectory;

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("42", PlainText(Assert.Single(run.Executed.Cells[1].Outputs)));
        Assert.Equal(directory, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task A_missing_build_output_says_to_run_dotnet_build()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("#r \"../src/Nowhere/bin/Debug/net10.0/Nowhere.dll\""));

        var run = await Run(path);

        Assert.Contains("run `dotnet build` in the repository root", Assert.IsType<NotebookFailure>(run.Failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_results_come_back_in_order_and_a_record_again_keeps_its_place()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("RecLab.Notebooks.Notebook.Record(\"b\", 1);\nRecLab.Notebooks.Notebook.Record(\"a\", \"text\");"),
            Code("RecLab.Notebooks.Notebook.Record(\"b\", 2.5);"));

        var run = await Run(path);

        Assert.Equal(["b", "a"], run.Recorded.Select(r => r.Key));
        Assert.Equal(2.5, run.Number("b"));
        Assert.Throws<KeyNotFoundException>(() => run.Number("a"));
        Assert.Equal("b = 1", PlainText(run.Executed.Cells[0].Outputs[0]));
    }
}
