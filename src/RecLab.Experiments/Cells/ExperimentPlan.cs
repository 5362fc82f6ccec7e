using System.Text.Json.Nodes;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Randomness;
using RecLab.Recommenders;

namespace RecLab.Experiments.Cells;

/// <summary>
/// A validated experiment expanded into its cells: every (dataset, split, repeat, fold, algorithm, grid point), in
/// that nesting order, which is also the order of tables and of execution (cells sharing a fold run together).
/// </summary>
public sealed class ExperimentPlan
{
    /// <summary>Version of the cell definition format; part of every id, so a change of meaning gives new ids.</summary>
    public const int DefinitionFormat = 2;

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
        var repeatSeeds = config.Repeats.Resolve(config.Seed);
        var evaluation = new JsonObject
        {
            ["relevance_threshold"] = CanonicalJson.ToNode(config.Evaluation.RelevanceThreshold),
            ["candidates"] = CanonicalJson.ToNode(config.Evaluation.Candidates),
            ["per_user"] = config.Evaluation.PerUser,
            ["confidence_level"] = CanonicalJson.ToNode(config.Evaluation.ConfidenceLevel),
            ["bootstrap_resamples"] = config.Evaluation.BootstrapResamples,
        };
        // Only when set, so the ids of cells without buckets stay as they were.
        if (config.Evaluation.ActivityBuckets is { } bounds)
            evaluation["activity_buckets"] = new JsonArray(bounds.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray());
        // Sorted: the order metrics are listed in changes the reports' column order, not any result.
        var metricNames = new JsonArray(metrics.Select(m => m.Name).Order(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());

        var points = config.Algorithms.Select(a => (Algorithm: a, Points: GridPoints(a))).ToList();
        var configurations = points.SelectMany(p => p.Points.Select(x => x.Parameters.Length == 0 ? p.Algorithm.Label : $"{p.Algorithm.Label} {x.Parameters}")).ToList();

        var cells = new List<Cell>();
        foreach (var dataset in config.Datasets)
        {
            var datasetNode = CanonicalJson.ToNode(dataset)!.AsObject();
            datasetNode.Remove("name");
            var datasetKey = CanonicalJson.Write(datasetNode);
            foreach (var split in config.Splits)
            {
                var splitter = Splitting.SplitSpec.Parse(split.Spec);
                if (split.Onboarding is { Count: > 0 } sizes)
                    splitter = Splitting.ColdStartSplit.ForOnboardingCurve(splitter, sizes.Max());
                for (var r = 0; r < repeatSeeds.Count; r++)
                foreach (var onboarding in split.Onboarding is { Count: > 0 } list ? list.Select(n => (int?)n) : [null])
                {
                    // Seeds follow the dataset's name, not its source: moving the data to another folder must not change results.
                    var splitSeed = Seeds.Derive(config.Seed, Seeds.Hash("dataset:" + dataset.Name), Seeds.Hash(splitter.Spec), repeatSeeds[r]);
                    for (var f = 0; f < splitter.FoldCount; f++)
                    {
                        foreach (var (algorithm, grid) in points)
                        {
                            var info = registry.Get(algorithm.Kind);
                            foreach (var (options, parameters) in grid)
                            {
                                var algorithmNode = new JsonObject { ["kind"] = info.Name, ["options"] = CanonicalJson.ToNode(options) };
                                // Only when set, so the cells of files without it keep their ids.
                                if (algorithm.TrainImplicit)
                                    algorithmNode["train_implicit"] = true;
                                var definition = CanonicalJson.Write(new JsonObject
                                {
                                    ["format"] = DefinitionFormat,
                                    ["seed"] = config.Seed,
                                    ["dataset"] = JsonNode.Parse(datasetKey),
                                    ["split"] = splitter.Spec,
                                    ["fold"] = f,
                                    ["algorithm"] = algorithmNode,
                                    ["metrics"] = metricNames.DeepClone(),
                                    ["evaluation"] = evaluation.DeepClone(),
                                    ["repeat_seed"] = repeatSeeds[r],
                                });
                                // Every onboarding size measures the same fitted model: the fit seed comes from the definition
                                // without it, and with the dataset's name in place of its source (see the split seed).
                                var seedDefinition = JsonNode.Parse(definition)!.AsObject();
                                seedDefinition["dataset"] = dataset.Name;
                                var fitSeed = Seeds.Derive(config.Seed, Seeds.Hash(CanonicalJson.Sha256(CanonicalJson.Write(seedDefinition))[..16]));
                                if (onboarding is { } size)
                                {
                                    var node = JsonNode.Parse(definition)!.AsObject();
                                    node["onboarding"] = size;
                                    definition = CanonicalJson.Write(node);
                                }
                                var id = CanonicalJson.Sha256(definition)[..16];
                                cells.Add(new Cell
                                {
                                    Id = id,
                                    Definition = definition,
                                    Dataset = dataset.Name,
                                    Split = SplitLabel(split, onboarding),
                                    SplitSpec = splitter.Spec,
                                    Onboarding = onboarding,
                                    Fold = f,
                                    FoldCount = splitter.FoldCount,
                                    Algorithm = algorithm.Label,
                                    Kind = info.Name,
                                    Parameters = parameters,
                                    Options = options,
                                    TrainImplicit = algorithm.TrainImplicit,
                                    Repeat = r,
                                    RepeatSeed = repeatSeeds[r],
                                    SplitSeed = splitSeed,
                                    FitSeed = fitSeed,
                                    DatasetConfig = dataset,
                                    DatasetKey = datasetKey,
                                });
                            }
                        }
                    }
                }
            }
        }
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
            ["metrics"] = CanonicalJson.Write(metricNames),
            ["evaluation"] = CanonicalJson.Write(evaluation),
        };
        return new ExperimentPlan(config, cells, abTests, metrics, repeatSeeds, configurations, baseline, setup);
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
