using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Schema;

/// <summary>
/// One experiment file (<c>experiments.yaml</c>): which data, how it is split, which algorithms with which
/// hyper-parameters, which metrics, and how results are compared. Keys are snake_case in YAML.
/// </summary>
public sealed record ExperimentConfig
{
    /// <summary>Schema version of the file; must be 1.</summary>
    public required int Version { get; init; }

    /// <summary>Experiment name: letters, digits, '.', '_' and '-'; results go to <c>OUTPUT/NAME/</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The experiment seed: every split, fit and bootstrap seed derives from it and the cell's definition.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Folder that receives <c>NAME/</c> with the results (relative to the current directory).</summary>
    public string Output { get; init; } = "results";

    /// <summary>The datasets; every split, and every algorithm without a <c>datasets</c> restriction of its own, runs on each of them.</summary>
    public required IReadOnlyList<DatasetConfig> Datasets { get; init; }

    /// <summary>The ways of splitting each dataset into train and test folds.</summary>
    public required IReadOnlyList<SplitConfig> Splits { get; init; }

    /// <summary>The algorithms (each with typed options, and an optional grid of values to search).</summary>
    public required IReadOnlyList<AlgorithmConfig> Algorithms { get; init; }

    /// <summary>Metrics such as <c>ndcg@10</c>, <c>precision@10</c>, <c>coverage@10</c>, <c>rmse</c> (see the list below).</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    /// <summary>How the metrics are measured and compared.</summary>
    public EvaluationConfig Evaluation { get; init; } = new();

    /// <summary>How many times each (dataset, split) is repeated with different seeds: a count, or a list of explicit seeds.</summary>
    public RepeatsConfig Repeats { get; init; } = new();

    /// <summary>Simulated A/B tests on the synthetic world, run by `reclab run` after the offline cells (results in ab/NAME/).</summary>
    public IReadOnlyList<AbTestConfig> AbTests { get; init; } = [];

    /// <summary>What the report shows.</summary>
    public ReportConfig Report { get; init; } = new();

    /// <summary>Pseudonymised user ids in the outputs (<c>privacy: {pseudonymize_ids: true}</c>).</summary>
    [OmittedWhenDefault]
    public PrivacyConfig? Privacy { get; init; }
}
