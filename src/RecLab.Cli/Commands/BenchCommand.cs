using System.CommandLine;
using RecLab.Experiments.Benchmarking;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab bench</c>: the fixed set of timed tasks (RecLab.Experiments.Benchmarking), as JSON and a Markdown table.</summary>
internal static class BenchCommand
{
    public static Command Create(Terminal terminal)
    {
        // The options' own defaults, so the command line and the library cannot drift apart.
        var defaults = new BenchOptions { MovieLens = "ml-latest-small" };
        var quick = new Option<bool>("--quick") { Description = "Skip the tasks on the large synthetic world and the 10M interactions (seconds instead of minutes)." };
        var output = new Option<string>("--output") { Description = "The JSON report; the Markdown table goes beside it (.md).", DefaultValueFactory = _ => "bench.json" };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per task at least; the table shows their median.", DefaultValueFactory = _ => defaults.Repeats };
        var minSeconds = new Option<double>("--min-seconds")
        {
            Description = $"A task with short runs repeats until it has run this long (at most {BenchOptions.MaxRepeatsFactor} x --repeats runs); 0: exactly --repeats.",
            DefaultValueFactory = _ => defaults.MinimumSeconds,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Untimed runs of each task compared across thread counts before its timed ones (the runtime optimises hot code meanwhile); one run of 5 s or more ends them.",
            DefaultValueFactory = _ => defaults.Warmup,
        };
        var data = new Option<string>("--data")
        {
            Description = "ml-latest-small as a folder or by name from the dataset cache ($RECLAB_DATA; 'reclab data fetch ml-latest-small' fills it).",
            DefaultValueFactory = _ => defaults.MovieLens,
        };
        var command = new Command("bench", "Time RecLab's standard tasks (wall, CPU, peak memory).")
        {
            quick, output, repeats, minSeconds, warmup, data,
        };
        command.WithDetails("Tasks: load ml-latest-small, 5-fold biased-mf, implicit-als, parallel SGD epochs, item-knn, top-10 for every user, " +
            "the large synthetic world with SGD on its ratings, SGD and implicit-als on 10M power-law ratings, the day loop of a 14-day A/B test, and the " +
            "cores' ceiling (register-only arithmetic), each timed over repeats with the machine described. The tasks that should scale run on 1 and on all threads alternately; a second table sets their medians side by side.");
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, () =>
        {
            var options = new BenchOptions
            {
                MovieLens = parse.GetValue(data)!,
                Quick = parse.GetValue(quick),
                Repeats = parse.GetValue(repeats) is var n and >= 1 ? n : throw new ArgumentException("--repeats must be at least 1."),
                MinimumSeconds = parse.GetValue(minSeconds) is var m and >= 0 && double.IsFinite(m) ? m : throw new ArgumentException("--min-seconds must be 0 or more."),
                Warmup = parse.GetValue(warmup) is var w and >= 0 ? w : throw new ArgumentException("--warmup must be 0 or more."),
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
}
