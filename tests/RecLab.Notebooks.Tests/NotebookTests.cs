using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;

namespace RecLab.Notebooks.Tests;

[Collection(nameof(ProcessState))]
public sealed class NotebookTests
{
    [Fact]
    public async Task In_a_kernel_VS_Code_started_display_and_record_go_through_the_kernels_display()
    {
        // No reclab notebook run session: the kernel alone, as Polyglot Notebooks or Jupyter host it.
        using var kernel = NotebookKernel.Create();
        Notebook.Setup();
        var result = await kernel.SendAsync(new SubmitCode(
            $"#r \"{typeof(Notebook).Assembly.Location}\"\nRecLab.Notebooks.Notebook.Display(\"hello\");\nRecLab.Notebooks.Notebook.Record(\"inside\", 1.5);"),
            TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Events, e => e is CommandFailed);
        var shown = result.Events.OfType<DisplayedValueProduced>().ToList();
        Assert.Equal("hello", Assert.Single(shown[0].FormattedValues).Value);
        Assert.Equal(["text/plain", RecordedResult.ScrapMimeType], shown[1].FormattedValues.Select(v => v.MimeType));
        Assert.Equal("inside = 1.5", shown[1].FormattedValues.First().Value);
    }

    [Fact]
    public void Outside_a_kernel_display_and_record_print_text()
    {
        var output = new StringWriter();
        var before = Console.Out;
        Console.SetOut(output);
        try
        {
            Notebook.Display(new RecLab.Charts.Html.HtmlTable { Columns = ["k"], Rows = [["v"]] });
            Notebook.Record("outside", 2.25);
        }
        finally
        {
            Console.SetOut(before);
        }

        Assert.Equal("k\n-\nv\noutside = 2.25\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(2.25, Notebook.Recorded["outside"]);
    }
}
