using System.Text.Json.Nodes;
using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;
using static RecLab.Notebooks.Tests.Support.TestNotebook;

namespace RecLab.Notebooks.Tests.Documents;

public sealed class NbformatTests
{
    [Fact]
    public async Task The_executed_copy_is_valid_nbformat_4_5_with_every_kind_of_output()
    {
        using var temp = new TempFolder();
        var path = Write(temp.Path,
            Markdown("# Outputs"),
            Code("var size = 3;", "parameters"),
            Code("Console.WriteLine(\"line\");\nConsole.Error.WriteLine(\"warn\");\ndisplay(size);\nsize * 2"),
            Code("throw new Exception(\"stop\");"),
            Code("size"));
        var run = await new NotebookRunner().RunAsync(path, new NotebookRunOptions { Parameters = new Dictionary<string, string> { ["size"] = "4" } },
            TestContext.Current.CancellationToken);
        var (executed, _) = run.Save(Path.Combine(temp.Path, "out"));

        var json = JsonNode.Parse(File.ReadAllText(executed))!;

        Assert.Empty(NbformatSchema.Problems(json));
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["c1", "c2", "injected-parameters", "c3", "c4", "c5"], cells.Select(c => (string)c!["id"]!));
        var outputTypes = cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => (string)o!["output_type"]!).ToList();
        Assert.Equal(["stream", "stream", "display_data", "execute_result", "error"], outputTypes);
        Assert.Contains("<pre>8</pre>", string.Concat(cells[3]!["outputs"]![3]!["data"]!["text/html"]!.AsArray().Select(l => (string)l!)), StringComparison.Ordinal);
        Assert.Equal(3, (int)cells[3]!["outputs"]![3]!["execution_count"]!);
        Assert.Null(cells[5]!["execution_count"]);
        Assert.Equal(NotebookDocument.CSharpMetadata().ToJsonString(), json["metadata"]!.ToJsonString());
    }

    [Fact]
    public void Text_is_stored_as_lines_that_keep_their_newlines()
    {
        var document = new NotebookDocument { Cells = [NotebookCell.Markdown("m", "one\ntwo\n\nthree")] };

        var source = JsonNode.Parse(document.ToJson())!["cells"]![0]!["source"]!.AsArray();

        Assert.Equal(["one\n", "two\n", "\n", "three"], source.Select(l => (string)l!));
        Assert.Equal("one\ntwo\n\nthree", NotebookDocument.Parse(document.ToJson()).Cells[0].Source);
    }

    [Fact]
    public void Cells_without_ids_or_with_duplicates_get_fresh_ones()
    {
        const string old = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": "a"},
              {"cell_type": "code", "id": "same", "metadata": {}, "source": ["x\n", "y"], "outputs": [], "execution_count": null},
              {"cell_type": "code", "id": "same", "metadata": {}, "source": "z", "outputs": [], "execution_count": null}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """;

        var json = JsonNode.Parse(NotebookDocument.Parse(old).ToJson())!;

        Assert.Empty(NbformatSchema.Problems(json));
        Assert.Equal(["cell-1", "same", "same-2"], json["cells"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(5, (int)json["nbformat_minor"]!);
    }

    [Fact]
    public void A_notebook_written_and_read_again_is_unchanged()
    {
        var document = new NotebookDocument
        {
            Cells =
            [
                NotebookCell.Markdown("title", "# Title é <b>"),
                NotebookCell.Code("code", "var x = \"<tag>\";", "parameters") with
                {
                    ExecutionCount = 1,
                    Outputs =
                    [
                        new StreamOutput { Name = "stdout", Text = "a\nb\n" },
                        new DisplayOutput { Data = new Dictionary<string, string> { ["text/plain"] = "1", ["application/json"] = "{\"a\":1}" }, ExecutionCount = 1 },
                        new ErrorOutput { Name = "E", Value = "v", Traceback = ["t1", "t2"] },
                    ],
                },
            ],
            Metadata = NotebookDocument.CSharpMetadata(),
        };

        var once = document.ToJson();
        var twice = NotebookDocument.Parse(once).ToJson();

        Assert.Equal(once, twice);
        Assert.Contains("\"# Title é <b>\"", once, StringComparison.Ordinal);
        Assert.Equal(1, (int)JsonNode.Parse(once)!["cells"]![1]!["outputs"]![1]!["data"]!["application/json"]!["a"]!);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}""", "nbformat 3 is not supported")]
    [InlineData("""{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "'cells' is missing")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "source": "x"}, {"cell_type": "sql", "metadata": {}, "source": "x"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 2: unknown cell_type 'sql'")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "source": 3}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'source' is missing or is neither")]
    public void Bad_notebooks_are_refused_naming_the_file_and_the_cell(string json, string expected)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(json, "bad.ipynb"));

        Assert.StartsWith("bad.ipynb: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
