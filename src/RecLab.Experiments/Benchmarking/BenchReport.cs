using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Benchmarking;

/// <summary>The result of <c>reclab bench</c>: the machine and every task; written as JSON and as a Markdown table.</summary>
public sealed record BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>When the run started (UTC).</summary>
    public required DateTime StartedUtc { get; init; }

    /// <summary>True when the large tasks were skipped.</summary>
    public required bool Quick { get; init; }

    /// <summary>Timed runs per task at least.</summary>
    public required int Repeats { get; init; }

    /// <summary>Seconds a task with short runs repeated for (<see cref="BenchOptions.MinimumSeconds"/>; 0 in reports from before it).</summary>
    public double MinimumSeconds { get; init; }

    /// <summary>Untimed warm-up runs of each task that compares thread counts (<see cref="BenchOptions.Warmup"/>; 0 in reports from before it).</summary>
    public int Warmup { get; init; }

    /// <summary>Where it ran.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>Every task, in the order run.</summary>
    public required IReadOnlyList<BenchTaskResult> Tasks { get; init; }

    /// <summary>The report as indented JSON (snake_case keys).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a report written by <see cref="WriteJson"/>.</summary>
    public static BenchReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Json) ?? throw new JsonException("The benchmark report is empty.");

    /// <summary>Writes the JSON atomically (a reader never sees half a file).</summary>
    public void WriteJson(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Each task that ran on one thread and on more: its one-thread result and the result on the most threads.</summary>
    public IEnumerable<(BenchTaskResult One, BenchTaskResult Many)> Scaling() =>
        Tasks.Where(t => t.Status == BenchStatus.Ok && t.Threads is not null)
            .GroupBy(t => t.Name)
            .Where(g => g.Any(t => t.Threads == 1) && g.Any(t => t.Threads > 1))
            .Select(g => (g.First(t => t.Threads == 1), g.MaxBy(t => t.Threads)!));

    /// <summary>Runs the table lists one by one; more are given as their range and count.</summary>
    private const int RunsListed = 5;

    private static string Runs(IReadOnlyList<double> seconds)
    {
        var inv = CultureInfo.InvariantCulture;
        return seconds.Count <= RunsListed
            ? string.Join(" ", seconds.Select(s => s.ToString("0.000", inv)))
            : $"{seconds.Min().ToString("0.000", inv)}-{seconds.Max().ToString("0.000", inv)} ({seconds.Count} runs)";
    }

    /// <summary>The machine line and one table row per task and thread count: median wall seconds, the runs, median CPU seconds, peak and allocated memory; then 1-thread and n-thread medians side by side.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"Machine: {Machine.Cpu}, {Machine.Cores} cores");
        if (Machine.MemoryBytes is { } memory)
            md.Append(inv, $", {memory / 1e9:0} GB");
        md.Append(inv, $"; {Machine.Os}; {Machine.DotNet}; RecLab {Machine.RecLab}. ");
        md.Append(inv, $"Median of {Repeats} run{(Repeats == 1 ? "" : "s")} per task");
        if (MinimumSeconds > 0)
            md.Append(inv, $" or more (a task with short runs repeats until it has run {MinimumSeconds:0.###} s, at most {Repeats * BenchOptions.MaxRepeatsFactor} runs)");
        if (Warmup > 0)
            md.Append(inv, $"; a task compared across thread counts first runs {Warmup} time{(Warmup == 1 ? "" : "s")} untimed{(Warmup > 1 ? $" (once if that run, or the part of it timed, takes {BenchRunner.LongWarmupSeconds:0} s or more)" : "")}");
        md.Append(inv, $", started {StartedUtc:yyyy-MM-dd HH:mm} UTC.\n\n");
        MarkdownTable.Write(md, ["task", "threads", "median s", "runs s", "CPU s", "peak MB", "allocated MB", "input"], Tasks.Select(t => (IReadOnlyList<string>)
        [
            t.Name,
            t.Threads?.ToString(inv) ?? "",
            t.Status switch
            {
                BenchStatus.Ok => t.MedianSeconds!.Value.ToString("0.000", inv),
                BenchStatus.Skipped => "skipped",
                _ => "not available",
            },
            Runs(t.Seconds),
            t.CpuSeconds is { } cpu ? cpu.ToString("0.000", inv) : "",
            t.PeakWorkingSetBytes is { } peak ? (peak / 1e6).ToString("N0", inv) : "",
            t.AllocatedBytes is { } allocated ? (allocated / 1e6).ToString("N0", inv) : "",
            t.Note,
        ]));
        var scaling = Scaling().ToList();
        if (scaling.Count > 0)
        {
            md.Append("\nParallel scaling (the same runs, medians side by side):\n\n");
            MarkdownTable.Write(md, ["task", "1 thread s", "threads", "median s", "speed-up", "CPU s (1 / n threads)"], scaling.Select(p => (IReadOnlyList<string>)
            [
                p.One.Name,
                p.One.MedianSeconds!.Value.ToString("0.000", inv),
                p.Many.Threads!.Value.ToString(inv),
                p.Many.MedianSeconds!.Value.ToString("0.000", inv),
                (p.One.MedianSeconds.Value / p.Many.MedianSeconds.Value).ToString("0.00", inv) + "x",
                $"{p.One.CpuSeconds:0.000} / {p.Many.CpuSeconds:0.000}",
            ]));
        }
        return md.ToString();
    }
}
