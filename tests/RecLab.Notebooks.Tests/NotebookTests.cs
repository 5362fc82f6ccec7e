using System.Collections;
using System.Reflection;
using RecLab.Charts.Tests.Support;
using RecLab.Notebooks.Tests.Support;

namespace RecLab.Notebooks.Tests;

public sealed class NotebookTests
{
    [Fact]
    public void Outside_a_run_display_and_record_go_to_the_dotnet_interactive_kernel_that_hosts_the_notebook()
    {
        // A stand-in with the shape of .NET Interactive's global: Microsoft.DotNet.Interactive.Kernel.display(object, params string[]).
        // Loaded for the rest of this test process: no other test displays outside a run.
        using var temp = new TempFolder();
        var path = TinyAssembly.Write(Path.Combine(temp.Path, "Microsoft.DotNet.Interactive.dll"), "Microsoft.DotNet.Interactive", """
            namespace Microsoft.DotNet.Interactive
            {
                public class Kernel
                {
                    public static System.Collections.Generic.List<object> Shown = new();
                    public static object display(object value, params string[] mimeTypes) { Shown.Add(value + " as " + string.Join(",", mimeTypes)); return value; }
                }
            }
            """);
        var kernel = Assembly.LoadFrom(path).GetType("Microsoft.DotNet.Interactive.Kernel")!;

        Notebook.Display("hello");
        Notebook.Record("outside", 1.5);

        var shown = ((IList)kernel.GetField("Shown")!.GetValue(null)!).Cast<string>();
        Assert.Equal(["hello as ", "outside = 1.5 as text/plain"], shown);
        Assert.Equal(1.5, Notebook.Recorded["outside"]);
    }
}
