using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RecLab.Data.Synthetic;
using RecLab.Simulation.Economics;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab data synth</c>: generate the synthetic attention economy and write it as CSV files.</summary>
internal static class DataSynthCommand
{
    public static Command Create(Terminal terminal)
    {
        var preset = new Option<string>("--preset")
        {
            Description = $"World size: {string.Join(", ", WorldOptions.PresetNames)}.",
            DefaultValueFactory = _ => "small",
        };
        var seed = new Option<ulong?>("--seed") { Description = "World seed (default 42)." };
        var output = new Option<string>("--out") { Description = "Folder to write; it must not exist or be empty (see --force).", Required = true };
        var sets = new Option<string[]>("--set")
        {
            Description = $"Override a world option, key=value (repeatable). Keys: {string.Join(", ", WorldOptions.Keys)}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var threads = new Option<int?>("--threads") { Description = "Threads to generate with (default: all cores); the output is the same for any count." };
        var force = new Option<bool>("--force") { Description = "Replace the folder if it exists and is not empty." };
        var command = new Command("synth", "Generate the synthetic attention economy (the embedded default dataset) and write it as CSV files with a README describing every column.")
        {
            preset, seed, output, sets, threads, force,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, () =>
        {
            var presetName = parse.GetValue(preset)!.Trim().ToLowerInvariant();
            var options = WorldOptions.Preset(presetName);
            if (parse.GetValue(seed) is { } s)
                options = options with { Seed = s };
            foreach (var pair in parse.GetValue(sets) ?? [])
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                    throw new ArgumentException($"--set '{pair}' is not key=value; keys: {string.Join(", ", WorldOptions.Keys)}.");
                options = options.With(pair[..eq], pair[(eq + 1)..]);
            }
            options.Validate();
            var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(parse.GetValue(output)!));
            var overwrite = parse.GetValue(force);
            if (!overwrite && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
                throw new ArgumentException($"{folder} already exists and is not empty; choose a new folder or add --force.");

            var name = "synthetic:" + options.ToSpec(presetName);
            var stopwatch = Stopwatch.StartNew();
            var world = Generate(terminal, name, options, parse.GetValue(threads), ct);
            var generated = stopwatch.Elapsed.TotalSeconds;
            var statistics = WorldStatistics.Of(world);
            PrintSummary(terminal, name, statistics, generated, parse.GetValue(threads) ?? Environment.ProcessorCount);

            stopwatch.Restart();
            IReadOnlyList<string> files;
            try
            {
                files = WorldCsvWriter.Write(world, folder, overwrite);
            }
            catch (IOException e)
            {
                terminal.Fail(e.Message);
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            var calibration = WorldCalibration.Measure(world, options.ToSpec(presetName));
            files = [.. files, CalibrationView.Write(folder, calibration)];
            CalibrationView.Render(terminal.Console, calibration);
            var sizes = files.Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length / 1e6:0.0} MB)");
            terminal.Console.WriteLine($"wrote {folder} in {stopwatch.Elapsed.TotalSeconds:0.00} s: {string.Join(", ", sizes)}");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static World Generate(Terminal terminal, string name, WorldOptions options, int? threads, CancellationToken ct)
    {
        if (terminal.Plain)
        {
            var stage = "";
            var progress = new SynchronousProgress<SynthesisProgress>(p =>
            {
                if (p.Stage == stage)
                    return;
                stage = p.Stage;
                terminal.Out.WriteLine($"{name}: {p.Stage}");
            });
            return World.Generate(options, threads, progress, ct);
        }
        World? world = null;
        terminal.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: 1);
                var progress = new SynchronousProgress<SynthesisProgress>(p =>
                {
                    task.Description = Markup.Escape($"{name} {p.Stage}");
                    task.Value = p.Fraction;
                });
                world = World.Generate(options, threads, progress, ct);
                task.Value = 1;
            });
        return world!;
    }

    private static void PrintSummary(Terminal terminal, string name, WorldStatistics s, double seconds, int threads)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = s.Totals;
        var lines = new[]
        {
            string.Create(inv, $"{name}: generated in {seconds:0.00} s ({threads} threads)"),
            string.Create(inv, $"  {s.Users:N0} users, {s.Creators:N0} creators, {s.Items:N0} items, {s.FollowEdges:N0} follows"),
            string.Create(inv, $"  {t.Sessions:N0} sessions, {t.Impressions:N0} impressions, {t.Clicks:N0} clicks (CTR {s.ClickThroughRate:P2}), ") +
                string.Create(inv, $"likes {s.LikeRate:P1} of clicks, purchases {s.PurchasesPerClick:P2} of clicks ({s.ProductConversion:P1} of product clicks)"),
            string.Create(inv, $"  implicit view: {s.Interactions:N0} interactions, density {s.Density:P3}, top 20% of items hold {s.TopFifthShare:P1}, median {s.MedianPerUser} per user"),
            string.Create(inv, $"  ratings: {s.RatingCount:N0}, mean {s.RatingMean:0.00}, ") +
                string.Join("  ", s.RatingShares.Select((x, k) => string.Create(inv, $"{k + 1}: {x:P1}"))),
        };
        foreach (var line in lines)
            terminal.Console.WriteLine(line);
    }
}
