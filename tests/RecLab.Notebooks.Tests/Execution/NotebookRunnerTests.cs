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

    private static IReadOnlyDictionary<string, string> Data(CellOutput output) => Assert.IsType<DisplayOutput>(output).Data;

    [Fact]
    public async Task Cells_share_state_and_a_trailing_expression_is_the_cell_result_formatted_by_the_kernel()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("var x = 20;"),
            Markdown("# between"),
            Code("int Twice(int v) => 2 * v;"),
            Code("Twice(x) + 2"),
            Code("x += 1;"),
            Code("$\"x is {x}\""));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var cells = run.Executed.Cells;
        Assert.Equal([1, null, 2, 3, 4, 5], cells.Select(c => c.ExecutionCount));
        var result = Assert.IsType<DisplayOutput>(Assert.Single(cells[3].Outputs));
        Assert.Equal(3, result.ExecutionCount);
        // HTML is the default form for values other than strings, as Jupyter and VS Code set the kernel's formatter.
        Assert.Contains("<pre>42</pre>", result.Data["text/html"], StringComparison.Ordinal);
        Assert.Empty(cells[4].Outputs);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "x is 21" }, Data(Assert.Single(cells[5].Outputs)));
    }

    [Fact]
    public async Task The_kernel_imports_no_System_IO_so_a_cell_using_File_fails_as_in_VS_Code_and_Jupyter()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("var name = \"ratings.csv\";"),
            Code("if (!File.Exists(name))\n    throw new FileNotFoundException(name);"));

        var run = await Run(path);

        var failure = Assert.IsType<NotebookFailure>(run.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("(1,6): error CS0103: The name 'File' does not exist in the current context", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(2,15): error CS0246: The type or namespace name 'FileNotFoundException' could not be found", failure.Message, StringComparison.Ordinal);
        // The outputs the Jupyter kernel sends for it: the diagnostics on stderr, then the error.
        var outputs = run.Executed.Cells[1].Outputs;
        Assert.Contains("error CS0246", Assert.IsType<StreamOutput>(outputs[0]).Text, StringComparison.Ordinal);
        Assert.Equal(new ErrorOutput { Name = "Error", Value = "compilation error", Traceback = [] } with { Traceback = Assert.IsType<ErrorOutput>(outputs[1]).Traceback }, outputs[1]);

        var fixedPath = Write(temp.Path, "fixed.ipynb", Code("using System.IO;\nFile.Exists(\"ratings.csv\")"));
        Assert.True((await Run(fixedPath)).Succeeded);
    }

    [Fact]
    public async Task Display_goes_through_the_kernel_formatter_and_its_convention_formatters()
    {
        using var temp = new TempFolder();
        var assembly = typeof(Tagged).Assembly.Location;
        var path = Write(temp.Path,
            Code($"#r \"{assembly}\"\nusing RecLab.Notebooks.Tests.Support;"),
            Code("display(new Tagged(\"one\"));\nRecLab.Notebooks.Notebook.Display(new Tagged(\"two\"));\nnew Tagged(\"three\")"));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var outputs = run.Executed.Cells[1].Outputs.Cast<DisplayOutput>().ToList();
        Assert.Equal(["<b class=\"tagged\">one</b>", "<b class=\"tagged\">two</b>", "<b class=\"tagged\">three</b>"], outputs.Select(o => o.Data["text/html"]));
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
        Assert.Equal("shown", Data(outputs[2])["text/plain"]);
        Assert.Equal(new StreamOutput { Name = "stdout", Text = "c\n" }, outputs[3]);
        Assert.Equal(new StreamOutput { Name = "stdout", Text = "from a task\n" }, Assert.Single(run.Executed.Cells[1].Outputs));
        Assert.Same(before, Console.Out);
    }

    [Fact]
    public async Task An_exception_fails_the_run_naming_the_notebook_and_the_cell_as_its_In_number()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Markdown("# A failing notebook"),
            Code("var a = 1;"),
            Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"),
            Code("a = 2;"));

        var run = await Run(path);

        var failure = Assert.IsType<NotebookFailure>(run.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("c3", failure.CellId);
        Assert.Equal($"{path}: cell In [2] (id c3) failed: InvalidOperationException: boom", failure.ToString());
        var failed = run.Executed.Cells[2];
        Assert.Equal(2, failed.ExecutionCount);
        Assert.IsType<StreamOutput>(failed.Outputs[0]);
        var error = Assert.IsType<ErrorOutput>(failed.Outputs[1]);
        Assert.Contains(error.Traceback, line => line.Contains("boom", StringComparison.Ordinal));
        Assert.Null(run.Executed.Cells[3].ExecutionCount);
        // The page labels the cell as the CLI names it.
        Assert.Contains("In [2]:</div><pre class=\"nb-source\"><code class=\"language-csharp\">Console.WriteLine", run.ToHtmlPage().ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_kernels_are_skipped_with_a_warning_and_a_leading_csharp_line_is_stripped()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Code("#!csharp\nvar x = 1;"),
            ForKernel("pwsh", "Get-ChildItem"),
            Code("#!fsharp\nlet y = 2"),
            Code("#!c#\n$\"{x + 1}\""));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal([1, null, null, 2], run.Executed.Cells.Select(c => c.ExecutionCount));
        Assert.Equal(2, run.Warnings.Count);
        Assert.Contains("cell c2 is for the pwsh kernel; skipped", run.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("cell c3 is for the fsharp kernel", run.Warnings[1], StringComparison.Ordinal);
        Assert.Equal("2", Data(Assert.Single(run.Executed.Cells[3].Outputs))["text/plain"]);
    }

    [Fact]
    public async Task Parameters_are_assigned_after_the_tagged_cell_with_its_types_and_unknown_ones_skipped_with_a_note()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            ReferenceRecLab(),
            Code("var name = \"default\";\nvar size = 10;\nvar rate = 0.5;\nvar fast = false;\nvar seed = 42UL;\nvar mode = DayOfWeek.Monday;", "parameters"),
            Code("RecLab.Notebooks.Notebook.Record(\"summary\", $\"{name}|{size + 1}|{rate * 2}|{fast}|{seed}|{mode}\");"));

        var run = await Run(path, new()
        {
            ["name"] = "tiny \"q\"", ["size"] = "5", ["rate"] = "0.25", ["fast"] = "true", ["seed"] = "7", ["mode"] = "friday", ["sise"] = "3",
        });

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("tiny \"q\"|6|0.5|True|7|Friday", Assert.Single(run.Recorded).Value);
        var injected = run.Executed.Cells[2];
        Assert.Equal([NotebookCell.InjectedParametersTag], injected.Tags);
        Assert.Contains("size = 5;", injected.Source, StringComparison.Ordinal);
        Assert.Contains("name = \"tiny \\\"q\\\"\";", injected.Source, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], run.Executed.Cells.Select(c => c.ExecutionCount));
        Assert.Contains(run.Warnings, w => w.Contains("--param sise skipped: the parameters cell declares no 'sise' (did you mean 'size'?)", StringComparison.Ordinal));
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
    public async Task Parameters_for_a_notebook_without_a_parameters_cell_are_skipped_with_a_note()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path, Code("var size = 10;"));

        var run = await Run(path, new() { ["size"] = "5" });

        Assert.True(run.Succeeded);
        Assert.Contains("no cell is tagged 'parameters'; --param size skipped", Assert.Single(run.Warnings), StringComparison.Ordinal);
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
        var path = Write(folder, Code("#load \"lib/helper.csx\""), Code("using System.IO;\n$\"{Helper() + File.ReadAllText(\"data.txt\").Length}\""));
        var directory = Environment.CurrentDirectory;

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("42", Data(Assert.Single(run.Executed.Cells[1].Outputs))["text/plain"]);
        Assert.Equal(directory, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Recorded_results_come_back_in_order_and_show_as_text_and_a_scrapbook_scrap()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            ReferenceRecLab(),
            Code("RecLab.Notebooks.Notebook.Record(\"b\", 1);\nRecLab.Notebooks.Notebook.Record(\"a\", \"text\");"),
            Code("RecLab.Notebooks.Notebook.Record(\"b\", 2.5);"));

        var run = await Run(path);

        Assert.Equal(["b", "a"], run.Recorded.Select(r => r.Key));
        Assert.Equal(2.5, run.Number("b"));
        Assert.Throws<KeyNotFoundException>(() => run.Number("a"));
        var first = Data(run.Executed.Cells[1].Outputs[0]);
        Assert.Equal("b = 1", first["text/plain"]);
        Assert.Equal("""{"name":"b","data":1,"encoder":"json","version":1}""", first[RecordedResult.ScrapMimeType]);
        Assert.Contains("\"data\":\"text\"", Data(run.Executed.Cells[1].Outputs[1])[RecordedResult.ScrapMimeType], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bootstrap_imports_RecLab_and_charts_draw_through_plotly_net_with_ids_from_their_cell_so_two_runs_write_the_same_notebook()
    {
        using var temp = new TempFolder();
        var notebooks = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.Copy(Path.Combine(Repository.NotebooksFolder, "reclab.csx"), Path.Combine(notebooks, "reclab.csx"));
        var path = Write(notebooks,
            Code("#load \"reclab.csx\""),
            Code("var chart = Chart.Column<double, string, string>(new[] { 1.0, 2.0 }, Keys: new[] { \"a\", \"b\" }).WithTitle(\"bars\");\n" +
                 "display(chart);\nchart"),
            Code("new HtmlTable { Columns = [\"k\"], Rows = [[\"v\"]] }"));

        var first = await Run(path);
        var second = await Run(path);

        Assert.True(first.Succeeded, first.Failure?.ToString());
        Assert.Equal(first.Executed.ToJson(), second.Executed.ToJson());
        var charts = first.Executed.Cells[1].Outputs.Select(Data).ToList();
        Assert.Equal(["text/html", "text/plain"], charts.Select(c => string.Join(",", c.Keys.Order())).Distinct().Single().Split(','));
        // Plotly.NET.Interactive's HTML (plotly.js through require.js from the CDN), its random id replaced by one from the cell.
        Assert.Contains("<div id=\"reclab-chart-c2-1\"><!-- Plotly chart will be drawn inside this DIV --></div>", charts[0]["text/html"], StringComparison.Ordinal);
        Assert.Contains("renderPlotly_reclab_chart_c2_1()", charts[0]["text/html"], StringComparison.Ordinal);
        Assert.Contains("requirejs.config({context:'fsharp-plotly'", charts[0]["text/html"], StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", charts[0]["text/html"]);
        Assert.StartsWith("<div class=\"reclab-figure\">\n<div class=\"reclab-static\" id=\"reclab-chart-c2-2-static\"></div>\n<div><div id=\"reclab-chart-c2-2\">",
            charts[1]["text/html"], StringComparison.Ordinal);
        Assert.Equal("[chart 'bars': bar; drawn in the notebook's HTML]", charts[0]["text/plain"]);
        var table = Data(Assert.Single(first.Executed.Cells[2].Outputs));
        Assert.StartsWith("<table class=\"reclab-table\">", table["text/html"], StringComparison.Ordinal);
        Assert.Equal("k\n-\nv", table["text/plain"]);
    }

    [Fact]
    public async Task An_experiments_results_display_as_a_DataFrame_table_whose_rows_are_those_of_results_csv()
    {
        using var temp = new TempFolder();
        var notebooks = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.Copy(Path.Combine(Repository.NotebooksFolder, "reclab.csx"), Path.Combine(notebooks, "reclab.csx"));
        var yaml = "version: 1\nname: frame\nseed: 7\ndatasets:\n  - name: w\n    source: synthetic:tiny\nsplits:\n  - name: h\n    spec: user-holdout:0.2\n" +
                   "algorithms:\n  - name: popular\n    kind: most-popular\n  - name: random\n    kind: random\nmetrics: [ndcg@10, recall@10]\n";
        var path = Write(notebooks,
            Code("#load \"reclab.csx\""),
            Code("using RecLab.Experiments.Cells;\nusing RecLab.Experiments.Configuration;\nusing RecLab.Experiments.Execution;\nusing RecLab.Experiments.Results;\n" +
                 $"var plan = ExperimentPlan.Create(ExperimentFile.Parse(\"\"\"\n{yaml}\"\"\", \"frame.yaml\"));\n" +
                 "var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = \"out\", Fresh = true, Jobs = 1 });\n" +
                 "var results = ExperimentResults.Load(plan, new CellStore(run.OutputDirectory));"),
            Code("results.ToDataFrame()"));

        var run = await Run(path);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var frame = Data(Assert.Single(run.Executed.Cells[2].Outputs));
        var table = HtmlDom.Parse("<body>" + frame["text/html"] + "</body>").QuerySelector("table.reclab-table")!;
        var csv = File.ReadAllLines(Path.Combine(notebooks, "out", "results.csv"));
        Assert.Equal($"DataFrame: {csv.Length - 1} rows \u00d7 18 columns", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["", "dataset", "split", "repeat", "fold", "configuration", "algorithm"], table.QuerySelectorAll("thead th").Take(7).Select(h => h.TextContent));
        var header = csv[0].Split(',');
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(d => d.TextContent).ToList()).ToList();
        Assert.Equal(csv.Length - 1, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var fields = csv[r + 1].Split(',');
            Assert.Equal(r.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[r][0]);
            Assert.Equal(fields[Array.IndexOf(header, "algorithm")], rows[r][6]);
            Assert.Equal(fields[Array.IndexOf(header, "metric")], rows[r][9]);
            Assert.Equal(double.Parse(fields[Array.IndexOf(header, "value")], System.Globalization.CultureInfo.InvariantCulture), double.Parse(rows[r][10], System.Globalization.CultureInfo.InvariantCulture), 1e-5);
        }

        Assert.StartsWith($"DataFrame: {csv.Length - 1} rows \u00d7 18 columns\n   dataset  split", frame["text/plain"], StringComparison.Ordinal);
    }
}
