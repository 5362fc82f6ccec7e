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

    /// <summary>The name, or the kind when no name is given.</summary>
    public string Label => Name ?? Kind;
}
