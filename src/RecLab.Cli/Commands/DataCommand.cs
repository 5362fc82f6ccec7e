using System.CommandLine;
using System.Diagnostics;
using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Data.Synthetic;
using RecLab.Simulation.Economics;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab data fetch|info|list</c>.</summary>
internal static class DataCommand
{
    public static Command Create(Terminal terminal) =>
        new("data", "Datasets: fetch, describe, list; generate synthetic worlds.")
        {
            Fetch(terminal),
            Info(terminal),
            List(terminal),
            DataSynthCommand.Create(terminal),
        };

    private static readonly Option<string?> CacheOption = new("--cache")
    {
        Description = "Dataset cache folder (default: $RECLAB_DATA, else ~/.cache/reclab).",
    };

    private static Command Fetch(Terminal terminal)
    {
        var names = new Argument<string[]>("name")
        {
            Description = $"Dataset(s) to download: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}.",
            Arity = ArgumentArity.OneOrMore,
        };
        var mirror = new Option<string?>("--mirror")
        {
            Description = "Base URL to download from instead of GroupLens (default: $RECLAB_MIRROR, else files.grouplens.org).",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Take the dataset from this zip or extracted folder instead of downloading it (a machine without access to GroupLens).",
        };
        var command = new Command("fetch", "Download MovieLens zips from GroupLens, verify the published checksum, extract safely into the cache. A second fetch is a no-op.")
        {
            names, mirror, from, CacheOption,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, async () =>
        {
            var cache = new DataCache(parse.GetValue(CacheOption));
            if (parse.GetValue(from) is { } local)
                return Import(terminal, cache, parse.GetValue(names)!, local, ct);
            var mirrorText = parse.GetValue(mirror) ?? Environment.GetEnvironmentVariable("RECLAB_MIRROR");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            var downloader = new DatasetDownloader(http, cache, string.IsNullOrWhiteSpace(mirrorText) ? null : new Uri(mirrorText));
            foreach (var name in parse.GetValue(names)!)
            {
                if (DatasetCatalog.Find(name) is null)
                    throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}.");
                var result = await FetchOne(terminal, downloader, name, ct);
                if (result.AlreadyPresent)
                    terminal.Console.WriteLine($"{result.Dataset}: already in the cache at {result.Folder}");
                else
                    terminal.Console.WriteLine(
                        $"{result.Dataset}: {result.Bytes / 1e6:0.0} MB, " +
                        (result.ChecksumVerified ? $"MD5 {result.Md5} verified" : $"no published checksum (SHA-256 {result.Sha256} recorded)") +
                        $", extracted to {result.Folder}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Import(Terminal terminal, DataCache cache, string[] names, string source, CancellationToken ct)
    {
        if (names.Length != 1)
            throw new ArgumentException($"--from gives the files of one dataset; name one, not {names.Length}.");
        var result = new DatasetImporter(cache).Import(names[0], source, ct);
        terminal.Console.WriteLine(result.AlreadyPresent
            ? $"{result.Dataset}: already in the cache at {result.Folder}"
            : $"{result.Dataset}: {result.Bytes / 1e6:0.0} MB from {source}, copied to {result.Folder}");
        return ExitCodes.Success;
    }

    private static async Task<FetchResult> FetchOne(Terminal terminal, DatasetDownloader downloader, string name, CancellationToken ct)
    {
        if (terminal.Plain)
        {
            var lastDecile = -1;
            var lastPhase = "";
            var progress = new SynchronousProgress<DownloadProgress>(p =>
            {
                var decile = p.TotalBytes is > 0 ? (int)(10 * p.Bytes / p.TotalBytes.Value) : -1;
                if (p.Phase != lastPhase || decile != lastDecile)
                    terminal.Out.WriteLine(p.TotalBytes is > 0
                        ? $"{p.Dataset}: {p.Phase} {p.Bytes / 1e6:0.0}/{p.TotalBytes / 1e6:0.0} MB"
                        : $"{p.Dataset}: {p.Phase} {p.Bytes / 1e6:0.0} MB");
                lastPhase = p.Phase;
                lastDecile = decile;
            });
            return await downloader.FetchAsync(name, progress, ct);
        }
        FetchResult? result = null;
        await terminal.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(name, maxValue: 1);
                var progress = new SynchronousProgress<DownloadProgress>(p =>
                {
                    task.Description = $"{p.Dataset} {p.Phase}";
                    if (p.TotalBytes is > 0)
                        task.MaxValue = p.TotalBytes.Value;
                    task.Value = p.Bytes;
                });
                result = await downloader.FetchAsync(name, progress, ct);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static Command Info(Terminal terminal)
    {
        var target = new Argument<string>("dataset") { Description = "A folder, a file, or a known dataset name (e.g. ml-latest-small)." };
        var format = new Option<OutputFormat>("--format") { Description = "table or json.", DefaultValueFactory = _ => OutputFormat.Table };
        format.AcceptOnlyFromAmong("table", "json");
        var skip = new Option<bool>("--skip-bad-lines") { Description = "Skip malformed lines (and report how many) instead of stopping at the first." };
        var command = new Command("info", "Describe a dataset: users, items, interactions, density, rating scale and distribution, time span, features.")
        {
            target, format, skip, CacheOption,
        };
        command.SetAction(parse => Guard.Run(terminal, () =>
        {
            var stopwatch = Stopwatch.StartNew();
            var name = parse.GetValue(target)!;
            // A synthetic world also shows its funnel against published ranges (the world, not just its dataset view, is needed).
            var world = SyntheticDataset.IsName(name) ? World.Generate(SyntheticDataset.Options(name)) : null;
            var dataset = world?.ToDataset(name) ?? DatasetLoader.Load(name, LoadOptions.Default with { SkipBadLines = parse.GetValue(skip) },
                new DataCache(parse.GetValue(CacheOption)));
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var summary = DatasetSummary.Of(dataset);
            var calibration = world is null ? null : WorldCalibration.Measure(world, name[SyntheticDataset.Prefix.Length..]);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var json = DatasetSummaryView.ToJson(summary, seconds);
                if (calibration is not null)
                {
                    var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                    node["calibration"] = CalibrationView.ToJson(calibration);
                    json = node.ToJsonString(new System.Text.Json.JsonSerializerOptions
                    {
                        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                    });
                }
                terminal.Out.WriteLine(json);
            }
            else
            {
                DatasetSummaryView.Render(terminal.Console, summary, seconds);
                if (calibration is not null)
                    CalibrationView.Render(terminal.Console, calibration);
            }
            foreach (var warning in dataset.Report.Warnings)
                terminal.Warn(warning);
            foreach (var problem in dataset.Report.Problems)
                terminal.Warn($"skipped {problem}");
            if (dataset.Report.SkippedLines > dataset.Report.Problems.Count)
                terminal.Warn($"... {dataset.Report.SkippedLines - dataset.Report.Problems.Count} more lines skipped");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(Terminal terminal)
    {
        var command = new Command("list", "List the datasets RecLab can fetch and whether each is in the cache.") { CacheOption };
        command.SetAction(parse =>
        {
            var cache = new DataCache(parse.GetValue(CacheOption));
            var table = new Table().AddColumns("name", "cached", "size", "description");
            foreach (var d in DatasetCatalog.All)
                table.AddRow(d.Name, cache.Contains(d.Name) ? "yes" : "no", $"{d.ApproximateMegabytes} MB", Markup.Escape(d.Description));
            terminal.Console.Write(table);
            terminal.Console.WriteLine($"Cache: {cache.Root}. Any extracted MovieLens folder or delimited file can also be named by path.");
            terminal.Console.WriteLine(DatasetCatalog.All[0].Licence + ".");
            return ExitCodes.Success;
        });
        return command;
    }
}
