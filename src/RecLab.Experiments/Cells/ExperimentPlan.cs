using System.Text.Json.Nodes;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;

namespace RecLab.Experiments.Cells;

/// <summary>
/// A validated experiment expanded into its cells: every (dataset, split, repeat, fold, algorithm, grid point), in
/// that nesting order, which is also the order of tables and of execution (cells sharing a fold run together).
/// </summary>
public sealed class ExperimentPlan
{
    private ExperimentPlan(ExperimentConfig config, IReadOnlyList<Cell> cells, IReadOnlyList<AbTestUnit> abTests, IReadOnlyList<IMetric> metrics,
        IReadOnlyList<ulong> repeatSeeds, IReadOnlyList<string> configurations, string? baseline, IReadOnlyDictionary<string, string> setup)
    {
        Setup = setup;
        Config = config;
        Cells = cells;
        AbTests = abTests;
        Metrics = metrics;
        RepeatSeeds = repeatSeeds;
        Configurations = configurations;
        Baseline = baseline;
        ConfigHash = CanonicalJson.Sha256(CanonicalJson.Of(config));
    }

    /// <summary>The configuration.</summary>
    public ExperimentConfig Config { get; }

    /// <summary>Every cell, in table order.</summary>
    public IReadOnlyList<Cell> Cells { get; }

    /// <summary>The A/B tests, in file order.</summary>
    public IReadOnlyList<AbTestUnit> AbTests { get; }

    /// <summary>The metrics, parsed, in the order of the file.</summary>
    public IReadOnlyList<IMetric> Metrics { get; }

    /// <summary>The repeat seeds.</summary>
    public IReadOnlyList<ulong> RepeatSeeds { get; }

    /// <summary>Algorithm configurations (<see cref="Cell.Configuration"/>) in file and grid order: the rows of the summary tables.</summary>
    public IReadOnlyList<string> Configurations { get; }

    /// <summary>The configuration the others are compared with, or null when significance tests are off.</summary>
    public string? Baseline { get; }

    /// <summary>
    /// The experimental setup a results folder belongs to, by part (<c>seed</c>, <c>datasets</c>, <c>splits</c>,
    /// <c>repeats</c>, <c>metrics</c>, <c>evaluation</c>) as canonical JSON: what makes results of two runs comparable.
    /// Algorithms, A/B tests and report charts are not part of it: they may change between runs into one folder
    /// (cells are stored by id, so finished ones are reused).
    /// </summary>
    public IReadOnlyDictionary<string, string> Setup { get; }

    /// <summary>SHA-256 of the canonical configuration (every key, defaults filled in).</summary>
    public string ConfigHash { get; }

    /// <summary>The evaluator's options for a cell allowed <paramref name="maxThreads"/> threads.</summary>
    public EvaluationOptions EvaluationOptions(int maxThreads) => new()
    {
        Metrics = Metrics,
        RelevanceThreshold = Config.Evaluation.RelevanceThreshold,
        ExcludeUntrainedItems = Config.Evaluation.Candidates == CandidateSet.TrainingItems,
        KeepPerUser = true,
        ConfidenceLevel = Config.Evaluation.ConfidenceLevel,
        BootstrapResamples = Config.Evaluation.BootstrapResamples,
        MaxThreads = Math.Max(1, maxThreads),
        ActivityBuckets = Config.Evaluation.ActivityBuckets,
    };

    /// <summary>The evaluator's options for <paramref name="cell"/>: <see cref="EvaluationOptions(int)"/> at the cell's onboarding size.</summary>
    public EvaluationOptions EvaluationOptions(Cell cell, int maxThreads) => EvaluationOptions(maxThreads) with { OnboardingSize = cell.Onboarding };

    /// <summary>The label of a split at an onboarding size (the split's own label without one).</summary>
    public static string SplitLabel(SplitConfig split, int? onboarding) =>
        onboarding is { } n ? $"{split.Label} onboarding={n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : split.Label;

    /// <summary>Expands a validated configuration (from <see cref="ExperimentFile"/>).</summary>
    public static ExperimentPlan Create(ExperimentConfig config, RecommenderRegistry? registry = null)
    {
        registry ??= RecommenderRegistry.Default;
        var metrics = config.Metrics.Select(MetricSpec.Parse).ToList();
        var metricNames = metrics.Select(m => m.Name).ToList();
        var repeatSeeds = config.Repeats.Resolve(config.Seed);
        var points = config.Algorithms.SelectMany(a => GridPoints(a).Select(p => (Algorithm: a, Kind: registry.Get(a.Kind).Name, p.Options, p.Parameters))).ToList();
        var configurations = points.Select(p => p.Parameters.Length == 0 ? p.Algorithm.Label : $"{p.Algorithm.Label} {p.Parameters}").ToList();
        var splits = config.Splits.Select(s => (Config: s, Splitter: Splitter(s))).ToList();

        // The nesting is the order of tables and of execution: cells sharing a fold run together.
        var cells = (
            from dataset in config.Datasets
            from split in splits
            from repeat in Enumerable.Range(0, repeatSeeds.Count)
            from onboarding in split.Config.Onboarding is { Count: > 0 } list ? list.Select(n => (int?)n) : [null]
            from fold in Enumerable.Range(0, split.Splitter.FoldCount)
            from point in points
            where point.Algorithm.RunsOn(dataset.Name)
            select new Cell
            {
                Definition = new CellDefinition(config.Seed, dataset, split.Splitter, fold, point.Kind, point.Options,
                    point.Algorithm.TrainImplicit, metricNames, config.Evaluation, repeatSeeds[repeat], onboarding),
                Split = SplitLabel(split.Config, onboarding),
                Algorithm = point.Algorithm.Label,
                Parameters = point.Parameters,
                Repeat = repeat,
            }).ToList();

        var baseline = config.Evaluation.Significance ? config.Evaluation.Baseline ?? config.Algorithms[0].Label : null;
        if (baseline is not null)
            baseline = configurations.First(c => c == baseline || c.StartsWith(baseline + " ", StringComparison.Ordinal));
        var abTests = config.AbTests.Select(t => AbTestUnit.Create(config, t, registry)).ToList();
        var setup = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed"] = config.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["datasets"] = CanonicalJson.Write(new JsonArray(config.Datasets.Select(d => (JsonNode?)CanonicalJson.ToNode(d)).ToArray())),
            ["splits"] = CanonicalJson.Write(new JsonArray(config.Splits.Select(s => (JsonNode?)CanonicalJson.ToNode(s)).ToArray())),
            ["repeats"] = CanonicalJson.Of(config.Repeats),
            ["metrics"] = CanonicalJson.Write(CellDefinition.MetricsNode(metricNames)),
            ["evaluation"] = CanonicalJson.Write(CellDefinition.EvaluationNode(config.Evaluation)),
        };
        return new ExperimentPlan(config, cells, abTests, metrics, repeatSeeds, configurations, baseline, setup);
    }

    /// <summary>The split parsed (once for the whole plan); an onboarding curve's split hands out its largest size.</summary>
    private static Splitting.ISplitter Splitter(SplitConfig split)
    {
        var splitter = Splitting.SplitSpec.Parse(split.Spec);
        return split.Onboarding is { Count: > 0 } sizes ? Splitting.ColdStartSplit.ForOnboardingCurve(splitter, sizes.Max()) : splitter;
    }

    /// <summary>An algorithm's grid points with their parameter text (<c>neighbors=20 weighting=bm25</c>).</summary>
    private static List<(RecommenderOptions Options, string Parameters)> GridPoints(AlgorithmConfig algorithm)
    {
        var options = algorithm.Options!;
        var points = ConfigBinder.GridPoints(options, algorithm.Grid).ToList();
        return points.Select(p => (p, string.Join(" ", algorithm.Grid.Select(axis =>
        {
            var property = p.GetType().GetProperty(axis.Option)!;
            return $"{YamlNames.Snake(axis.Option)}={OptionsBinder.Format(property.GetValue(p))}";
        })))).ToList();
    }
}
