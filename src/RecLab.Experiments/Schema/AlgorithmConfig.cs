using RecLab.Experiments.Cells;
using RecLab.Recommenders;

namespace RecLab.Experiments.Schema;

/// <summary>
/// An algorithm from the registry (<c>reclab algorithms</c> lists them) with its typed options. A list value is never
/// silently a search: values to try go under <c>grid:</c>, whose lists are the axes of a full factorial grid.
/// </summary>
public sealed record AlgorithmConfig
{
    /// <summary>Name used in tables, results and as <c>evaluation.baseline</c>; defaults to the kind.</summary>
    public string? Name { get; init; }

    /// <summary>Registry name of the algorithm, e.g. <c>most-popular</c>, <c>item-knn-implicit</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The algorithm's options (its typed options record; unset keys keep their defaults).</summary>
    public RecommenderOptions? Options { get; init; }

    /// <summary>Options to search: each key is an option, each list the values to try; every combination is one grid point.</summary>
    public IReadOnlyList<GridAxis> Grid { get; init; } = [];

    /// <summary>
    /// Train on the fold's ratings as implicit interactions of weight 1 (Microsoft Recommenders feeds the ratings to
    /// BPR and SAR so); the test keeps its ratings, and relevance follows <c>evaluation.relevance_threshold</c>.
    /// </summary>
    public bool TrainImplicit { get; init; }

    /// <summary>
    /// The datasets (by name, from <c>datasets:</c>) this algorithm runs on; every dataset when unset. For an algorithm
    /// that only some data supports, such as <c>oracle</c>, which needs a synthetic world's ground truth, beside MovieLens.
    /// </summary>
    [OmittedWhenDefault]
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>Whether the algorithm runs on the dataset named <paramref name="dataset"/>.</summary>
    public bool RunsOn(string dataset) => Datasets.Count == 0 || Datasets.Contains(dataset, StringComparer.Ordinal);

    /// <summary>The name, or the kind when no name is given.</summary>
    public string Label => Name ?? Kind;
}
