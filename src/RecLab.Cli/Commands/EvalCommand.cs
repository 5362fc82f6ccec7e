using System.CommandLine;
using System.Diagnostics;
using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab eval</c>: a one-off comparison of algorithms on one dataset and split, without YAML.</summary>
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
        var format = new Option<OutputFormat>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => OutputFormat.Table };
        var makeImplicit = new Option<bool>("--implicit") { Description = "Treat every rating as one implicit interaction (weight 1)." };
        var implicitThreshold = new Option<float?>("--implicit-threshold") { Description = "With --implicit: keep only ratings at or above this value." };
        var relevance = new Option<float>("--relevance-threshold") { Description = "Explicit data: a test rating at or above this is relevant.", DefaultValueFactory = _ => 4.0f };
        var baseline = new Option<string?>("--baseline") { Description = "Compare every algorithm with this one only (default: every pair)." };
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
        command.WithDetails("Metrics come with bootstrap confidence intervals; algorithms are compared by paired t-tests and Wilcoxon tests " +
            "with Holm's correction.\n\nSplits:\n" + SplitSpec.Help + "\n\nMetrics:\n" + MetricSpec.HelpText);
        command.SetAction((parse, ct) => Guard.RunAsync(terminal, () =>
        {
            // Everything is validated before any data is loaded.
            var registry = RecommenderRegistry.Default;
            var specs = parse.GetValue(algos)!;
            var algorithms = Labels(specs).Select(x =>
            {
                var probe = registry.Parse(x.Spec); // validates name and options now
                var colon = x.Spec.IndexOf(':');
                return (x.Label, Parameters: colon < 0 ? "" : x.Spec[(colon + 1)..], Create: (Func<IRecommender>)(() => registry.Parse(x.Spec)), probe.Name);
            }).ToList();
            var sizes = parse.GetValue(onboarding) is { } sizeText ? ParseSizes(sizeText) : null;
            var splitter = SplitSpec.Parse(parse.GetValue(split)!);
            if (sizes is not null)
                splitter = ColdStartSplit.ForOnboardingCurve(splitter, sizes.Max());
            var metricList = MetricSpec.ParseList(parse.GetValue(metrics)!);
            var bucketBounds = parse.GetValue(buckets) is { } bucketText
                ? bucketText.Trim().Equals("default", StringComparison.OrdinalIgnoreCase) ? ActivityBreakdown.DefaultBounds : ActivityBreakdown.ParseBounds(bucketText)
                : null;

            var stopwatch = Stopwatch.StartNew();
            var dataset = DatasetLoader.Load(parse.GetValue(data)!, LoadOptions.Default with { SkipBadLines = parse.GetValue(skip) },
                new DataCache(parse.GetValue(cache)));
            foreach (var warning in dataset.Report.Warnings)
                terminal.Warn(warning);
            if (parse.GetValue(makeImplicit))
                dataset = dataset.WithInteractions(dataset.Interactions.ToImplicit(parse.GetValue(implicitThreshold)));
            var loadSeconds = stopwatch.Elapsed.TotalSeconds;

            var options = new EvaluationOptions
            {
                Metrics = metricList,
                RelevanceThreshold = parse.GetValue(relevance),
                MaxThreads = Math.Max(1, parse.GetValue(threads)),
                ActivityBuckets = bucketBounds,
            };
            var progress = new SynchronousProgress<string>(line => terminal.Error.WriteLine(line));
            var configurations = algorithms.Select(a => (a.Label, a.Parameters, a.Create)).ToList();
            var results = sizes is null
                ? CrossValidation.Run(configurations, dataset, splitter, options, parse.GetValue(seed), progress, ct)
                : CrossValidation.RunOnboardingCurve(configurations, dataset, splitter, options, sizes, parse.GetValue(seed), progress, ct);
            // In a curve, algorithms are compared at each onboarding size, never across sizes.
            var comparisons = results.GroupBy(r => r.OnboardingSize)
                .SelectMany(g => Comparisons.Compare(g.ToList(), parse.GetValue(seed), parse.GetValue(baseline))
                    .Select(c => c with { OnboardingSize = g.Key }))
                .ToList();
            var report = new EvalReport(dataset.Name, splitter, parse.GetValue(seed), results, comparisons, loadSeconds, stopwatch.Elapsed.TotalSeconds);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    terminal.Out.WriteLine(report.ToJson());
                    break;
                case OutputFormat.Csv:
                    terminal.Out.Write(report.ToCsv());
                    break;
                default:
                    report.Render(terminal.Console);
                    break;
            }
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

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

    /// <summary>The curve needs a user cold-start split that hands out at least the largest size.</summary>
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
