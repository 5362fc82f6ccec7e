using System.CommandLine;
using RecLab.Experiments.Benchmarking;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab bench</c>: the fixed set of timed tasks (RecLab.Experiments.Benchmarking), as JSON and a Markdown table.</summary>
internal static class BenchCommand
{
    public static Command Create(Terminal terminal)
    {
        var quick = new Option<bool>("--quick") { Description = "Skip the tasks on the large synthetic world (seconds instead of minutes)." };
        var output = new Option<string>("--output") { Description = "The JSON report; the Markdown table goes beside it (.md).", DefaultValueFactory = _ => "bench.json" };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per task; the table shows their median.", DefaultValueFactory = _ => 3 };
        var data = new Option<string?>("--data")
        {
            Description = "ml-latest-small: a folder or a dataset name (default: $RECLAB_SHARED_DATA/ml-latest-small, else ../shared/data/ml-latest-small, else the download cache).",
        };
        var command = new Command("bench", "Time RecLab's standard tasks (load ml-latest-small, 5-fold biased-mf, implicit-als, item-knn, top-10 for every user, " +
            "the large synthetic world) with medians over repeats, peak memory and the machine description; writes JSON and a Markdown table.")
        {
            quick, output, repeats, data,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, () =>
        {
            var options = new BenchOptions
            {
                MovieLens = parse.GetValue(data) ?? DefaultMovieLens(),
                Quick = parse.GetValue(quick),
                Repeats = parse.GetValue(repeats) is var n and >= 1 ? n : throw new ArgumentException("--repeats must be at least 1."),
            };
            var report = BenchRunner.Run(options, new SynchronousProgress<string>(m => terminal.Error.WriteLine(m)), ct);
            var json = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(json)!);
            report.WriteJson(json);
            var markdown = report.ToMarkdown();
            Experiments.Results.AtomicFile.WriteAllText(Path.ChangeExtension(json, ".md"), markdown);
            terminal.Out.Write(markdown);
            terminal.Out.WriteLine($"wrote {json} and {Path.ChangeExtension(json, ".md")}");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static string DefaultMovieLens()
    {
        var shared = Environment.GetEnvironmentVariable("RECLAB_SHARED_DATA");
        foreach (var root in new[] { shared, Path.Combine("..", "shared", "data") })
            if (!string.IsNullOrWhiteSpace(root) && File.Exists(Path.Combine(root, "ml-latest-small", "ratings.csv")))
                return Path.Combine(root, "ml-latest-small");
        return "ml-latest-small";
    }
}
