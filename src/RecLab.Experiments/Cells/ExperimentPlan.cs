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
    public const int DefinitionFormat = 1;

    private ExperimentPlan(ExperimentConfig config, IReadOnlyList<Cell> cells, IReadOnlyList<IMetric> metrics,
        IReadOnlyList<ulong> repeatSeeds, IReadOnlyList<string> configurations, string? baseline)
    {
        Config = config;
        Cells = cells;
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

    /// <summary>The metrics, parsed, in the order of the file.</summary>
    public IReadOnlyList<IMetric> Metrics { get; }

    /// <summary>The repeat seeds.</summary>
    public IReadOnlyList<ulong> RepeatSeeds { get; }

    /// <summary>Algorithm configurations (<see cref="Cell.Configuration"/>) in file and grid order: the rows of the summary tables.</summary>
    public IReadOnlyList<string> Configurations { get; }

    /// <summary>The configuration the others are compared with, or null when significance tests are off.</summary>
    public string? Baseline { get; }

    /// <summary>SHA-256 of the canonical configuration (every key, defaults filled in).</summary>
    public string ConfigHash { get; }

    /// <summary>The evaluator's options for a cell allowed <paramref name="maxThreads"/> threads.</summary>
    public EvaluationOptions EvaluationOptions(int maxThreads) => new()
    {
        Metrics = Metrics,
        RelevanceThreshold = Config.Evaluation.RelevanceThreshold,
        ExcludeSeenItems = Config.Evaluation.Candidates == CandidateSet.AllUnseen,
        KeepPerUser = true,
        ConfidenceLevel = Config.Evaluation.ConfidenceLevel,
        BootstrapResamples = Config.Evaluation.BootstrapResamples,
        MaxThreads = Math.Max(1, maxThreads),
    };

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
                for (var r = 0; r < repeatSeeds.Count; r++)
                {
                    var splitSeed = Seeds.Derive(config.Seed, Seeds.Hash(datasetKey), Seeds.Hash(splitter.Spec), repeatSeeds[r]);
                    for (var f = 0; f < splitter.FoldCount; f++)
                    {
                        foreach (var (algorithm, grid) in points)
                        {
                            var info = registry.Get(algorithm.Kind);
                            foreach (var (options, parameters) in grid)
                            {
                                var definition = CanonicalJson.Write(new JsonObject
                                {
                                    ["format"] = DefinitionFormat,
                                    ["seed"] = config.Seed,
                                    ["dataset"] = JsonNode.Parse(datasetKey),
                                    ["split"] = splitter.Spec,
                                    ["fold"] = f,
                                    ["algorithm"] = new JsonObject { ["kind"] = info.Name, ["options"] = CanonicalJson.ToNode(options) },
                                    ["metrics"] = metricNames.DeepClone(),
                                    ["evaluation"] = evaluation.DeepClone(),
                                    ["repeat_seed"] = repeatSeeds[r],
                                });
                                var id = CanonicalJson.Sha256(definition)[..16];
                                cells.Add(new Cell
                                {
                                    Id = id,
                                    Definition = definition,
                                    Dataset = dataset.Name,
                                    Split = split.Label,
                                    SplitSpec = splitter.Spec,
                                    Fold = f,
                                    FoldCount = splitter.FoldCount,
                                    Algorithm = algorithm.Label,
                                    Kind = info.Name,
                                    Parameters = parameters,
                                    Options = options,
                                    Repeat = r,
                                    RepeatSeed = repeatSeeds[r],
                                    SplitSeed = splitSeed,
                                    FitSeed = Seeds.Derive(config.Seed, Seeds.Hash(id)),
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
        return new ExperimentPlan(config, cells, metrics, repeatSeeds, configurations, baseline);
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
