using System.CommandLine;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Data.Downloads;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Cli.Commands;

/// <summary>
/// <c>reclab eval</c>: a one-off comparison of algorithms on one dataset and split, without YAML: the experiment it
/// describes, run by the runner with its cells in memory and shown by the run's writers.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(Terminal terminal)
    {
        var data = new Option<string>("--data") { Description = "A folder, a file, or a dataset name (ml-latest-small, synthetic:small, ...).", Required = true };
        var algos = new Option<string[]>("--algo")
        {
            Description = "Algorithm as NAME or NAME:key=value,key=value (repeat for several). 'reclab algorithms' lists them.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var split = new Option<string>("--split") { Description = "Split spec (see below).", DefaultValueFactory = _ => "user-holdout:0.2" };
        var metrics = new Option<string>("--metrics") { Description = "Comma-separated metrics, e.g. ndcg@10,precision@10,rmse.", DefaultValueFactory = _ => "ndcg@10,precision@10,recall@10,map@10" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split and of every fit.", DefaultValueFactory = _ => 42UL };
        var format = new Option<OutputFormat>("--format") { Description = "table (summary.md and timings.md), csv (results.csv) or json (manifest, cell records, comparisons).", DefaultValueFactory = _ => OutputFormat.Table };
        var makeImplicit = new Option<bool>("--implicit") { Description = "Treat every rating as one implicit interaction (weight 1)." };
        var implicitThreshold = new Option<float?>("--implicit-threshold") { Description = "With --implicit: keep only ratings at or above this value." };
        var relevance = new Option<float>("--relevance-threshold") { Description = "Explicit data: a test rating at or above this is relevant.", DefaultValueFactory = _ => 4.0f };
        var baseline = new Option<string?>("--baseline") { Description = "Compare every algorithm with this one (default: the first --algo)." };
        var threads = new Option<int>("--threads") { Description = "Most threads for fitting and scoring.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var skip = new Option<bool>("--skip-bad-lines") { Description = "Skip malformed data lines (and report how many)." };
        var cache = new Option<string?>("--cache") { Description = "Dataset cache folder (default: $RECLAB_DATA, else ~/.cache/reclab)." };
        var onboarding = new Option<string?>("--onboarding")
        {
            Description = "User cold start curve: onboarding sizes such as 0,1,3,5,10, each model measured at every size on the same cold users " +
                "(the split must be cold-users; its onboard=N is raised to the largest size when not given).",
        };
        var buckets = new Option<string?>("--buckets")
        {
            Description = "Break per-user metrics down by user activity (known interactions): bucket lower bounds, e.g. 1,6,21,101 " +
                "for 1-5, 6-20, 21-100, 101+ ('default' for those).",
        };

        var command = new Command("eval", "Compare algorithms on one dataset and split (no file).")
        {
            data, algos, split, metrics, seed, format, makeImplicit, implicitThreshold, relevance, baseline, threads, skip, cache, onboarding, buckets,
        };
        command.WithDetails("eval is 'reclab run' of an experiment it builds from the options, kept in memory: one dataset (named after " +
            "--data: a known name as given, a file or folder by its own name), one split, the algorithms (labelled as typed), the metrics, " +
            "experiment name 'eval' and the seed; an experiment file with the same entries gives the same values. Output: the run's " +
            "summary.md and timings.md (table), its results.csv (csv), or JSON of its manifest.json, cell records (cells/ID.json, " +
            "in plan order) and comparisons.csv rows (json). Means come with bootstrap confidence intervals; every algorithm is " +
            "compared with the baseline (--baseline, else the first --algo) by paired t-tests and Wilcoxon tests with Holm's " +
            "correction.\n\nSplits:\n" + SplitSpec.Help + "\n\nMetrics:\n" + MetricSpec.HelpText);
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, async () =>
        {
            // Everything is validated before any data is loaded.
            var registry = RecommenderRegistry.Default;
            var algorithms = Labels(parse.GetValue(algos)!).Select(x => Algorithm(registry, x.Label, x.Spec)).ToList();
            var sizes = parse.GetValue(onboarding) is { } sizeText ? ParseSizes(sizeText) : null;
            var splitText = parse.GetValue(split)!.Trim();
            var splitter = SplitSpec.Parse(splitText);
            if (sizes is not null)
                ColdStartSplit.ForOnboardingCurve(splitter, sizes.Max()); // refuses a split that is not user cold start or hands out too few
            var metricList = MetricSpec.ParseList(parse.GetValue(metrics)!);
            var bucketBounds = parse.GetValue(buckets) is { } bucketText
                ? bucketText.Trim().Equals("default", StringComparison.OrdinalIgnoreCase) ? ActivityBreakdown.DefaultBounds : ActivityBreakdown.ParseBounds(bucketText)
                : null;
            var baselineLabel = parse.GetValue(baseline)?.Trim();
            if (baselineLabel is not null && !algorithms.Any(a => a.Name == baselineLabel))
                throw new ArgumentException($"--baseline '{baselineLabel}' is none of the algorithms ({string.Join(", ", algorithms.Select(a => a.Label))}).");

            var source = parse.GetValue(data)!.Trim();
            var config = new ExperimentConfig
            {
                Version = 1,
                Name = "eval",
                Seed = parse.GetValue(seed),
                Datasets =
                [
                    new DatasetConfig
                    {
                        Name = DatasetName(source),
                        Source = source,
                        Preprocessing = new PreprocessingConfig { Implicit = parse.GetValue(makeImplicit), ImplicitThreshold = parse.GetValue(implicitThreshold) },
                        SkipBadLines = parse.GetValue(skip),
                    },
                ],
                Splits = [new SplitConfig { Spec = splitText, Onboarding = sizes }],
                Algorithms = algorithms,
                Metrics = [.. metricList.Select(m => m.Name)],
                Evaluation = new EvaluationConfig { RelevanceThreshold = parse.GetValue(relevance), Baseline = baselineLabel, ActivityBuckets = bucketBounds },
            };
            var plan = ExperimentPlan.Create(config, registry);
            var store = new MemoryCellStore();
            // eval stops at the first failed cell, as it always has: a split the data cannot make would otherwise fail every fold.
            using var firstFailure = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var progress = RunView.PlainProgress(terminal.Error);
            // One cell at a time with every thread allowed, as a single fit would use them.
            var options = new RunOptions
            {
                Jobs = 1,
                ThreadsPerCell = parse.GetValue(threads),
                Store = store,
                Data = new DataCache(parse.GetValue(cache)),
                Registry = registry,
                Progress = new SynchronousProgress<RunProgress>(p =>
                {
                    progress.Report(p);
                    if (p.Event == RunEvent.Failed)
                        firstFailure.Cancel();
                }),
            };
            var started = DateTime.UtcNow;
            var result = await ExperimentRunner.RunAsync(plan, options, firstFailure.Token);
            RunView.WarnSkippedLines(terminal, result);
            if (ct.IsCancellationRequested)
            {
                terminal.Fail("stopped (Ctrl-C): nothing was written.");
                return ExitCodes.Cancelled;
            }
            // The one dataset did not load, or cannot make the split: its error as eval always said it (Guard picks the
            // exit code); a split's error without the experiment file's place (eval has none).
            if (result.DatasetFailures is [{ Exception: { } loadError } notRun, ..])
                ExceptionDispatchInfo.Throw(notRun.Split is not null && loadError.InnerException is { } cause ? cause : loadError);
            if (result.Failures is [var failure, ..])
                return Failed(terminal, failure);

            Write(terminal, parse.GetValue(format), ExperimentResults.Load(plan, store), Manifest.ForRun(plan, options, result, result.Datasets, started));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The run's outputs on standard output, in the format asked for.</summary>
    private static void Write(Terminal terminal, OutputFormat format, ExperimentResults results, Manifest manifest)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var json = new JsonObject
                {
                    ["manifest"] = JsonSerializer.SerializeToNode(manifest, CellStore.Json),
                    ["cells"] = new JsonArray([.. results.Plan.Cells.Where(c => results.Records.ContainsKey(c.Id))
                        .Select(c => JsonSerializer.SerializeToNode(results.Records[c.Id], CellStore.Json))]),
                    ["comparisons"] = JsonSerializer.SerializeToNode(results.ComparisonRows().ToList(), CellStore.Json),
                };
                terminal.Out.WriteLine(json.ToJsonString(CellStore.Json));
                break;
            case OutputFormat.Csv:
                using (var csv = new MemoryStream())
                {
                    new ResultsCsvWriter().Write(results, csv);
                    terminal.Out.Write(Encoding.UTF8.GetString(csv.GetBuffer(), 0, (int)csv.Length));
                }
                break;
            default:
                terminal.Out.Write(SummaryWriter.Render(results));
                terminal.Out.WriteLine();
                terminal.Out.Write(TimingsWriter.Render(results));
                break;
        }
    }

    /// <summary>The failed cell's error on one line, as eval has always said it, and its exit code.</summary>
    private static int Failed(Terminal terminal, CellFailure failure)
    {
        var error = failure.Exception!;
        // The runner places a split the data cannot make in the experiment file (splits[0].spec); eval has none: its cause is what --split asked for.
        if (error is ArgumentException { InnerException: ArgumentException cause })
            error = cause;
        if (Guard.ExitCodeOf(error) is not { } code)
        {
            ExceptionDispatchInfo.Throw(error);
            return ExitCodes.InternalError;
        }
        terminal.Fail(error.Message);
        return code;
    }

    /// <summary>An algorithm of the command line as the experiment file's binder makes it: registry name and every option bound (and checked now).</summary>
    private static AlgorithmConfig Algorithm(RecommenderRegistry registry, string label, string spec)
    {
        var colon = spec.IndexOf(':');
        var info = registry.Get((colon < 0 ? spec : spec[..colon]).Trim());
        var options = colon < 0 ? info.DefaultOptions() : OptionsBinder.Bind(info.OptionsType, OptionsBinder.ParsePairs(spec[(colon + 1)..]), info.Name);
        info.Create(options); // the checks a model makes of its options, before any data is read
        return new AlgorithmConfig { Name = label, Kind = info.Name, Options = options };
    }

    /// <summary>A known dataset or generated world by its name, a file or folder by its own name (which seeds the split, as a dataset's name in a file does).</summary>
    private static string DatasetName(string source) =>
        File.Exists(source) || Directory.Exists(source) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source))) : source;

    private static int[] ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                throw new ArgumentException($"--onboarding: '{part}' is not a non-negative whole number (e.g. 0,1,3,5,10).");
            if (!sizes.Contains(n))
                sizes.Add(n);
        }
        return sizes.Count > 0 ? [.. sizes] : throw new ArgumentException("--onboarding: give at least one size (e.g. 0,1,3,5,10).");
    }

    /// <summary>Labels are the specs as typed, numbered when the same spec appears twice.</summary>
    private static IEnumerable<(string Label, string Spec)> Labels(string[] specs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var trimmed = spec.Trim();
            seen[trimmed] = seen.GetValueOrDefault(trimmed) + 1;
            yield return (seen[trimmed] == 1 ? trimmed : $"{trimmed}#{seen[trimmed]}", trimmed);
        }
    }
}
