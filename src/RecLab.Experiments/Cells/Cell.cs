using RecLab.Experiments.Schema;
using RecLab.Recommenders;

namespace RecLab.Experiments.Cells;

/// <summary>
/// One unit of work: an algorithm configuration (a grid point) fitted and measured on one fold of one split of one
/// dataset in one repeat. Its <see cref="Id"/> is a hash of its normalized definition, so it does not depend on where
/// it is written in the file, and its seeds derive from the experiment seed and that definition.
/// </summary>
public sealed record Cell
{
    /// <summary>First 16 hex digits of the SHA-256 of <see cref="Definition"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Canonical JSON of everything that determines the result (dataset source and preparation, split spec, fold, kind, every option, metrics, evaluation options, seeds).</summary>
    public required string Definition { get; init; }

    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Split name.</summary>
    public required string Split { get; init; }

    /// <summary>Canonical split spec (<c>ISplitter.Spec</c>).</summary>
    public required string SplitSpec { get; init; }

    /// <summary>0-based fold.</summary>
    public required int Fold { get; init; }

    /// <summary>Folds of the split.</summary>
    public required int FoldCount { get; init; }

    /// <summary>Algorithm name (its label in the file).</summary>
    public required string Algorithm { get; init; }

    /// <summary>Registry name of the algorithm.</summary>
    public required string Kind { get; init; }

    /// <summary>The grid point's values, <c>neighbors=20 weighting=bm25</c>; empty without a grid.</summary>
    public required string Parameters { get; init; }

    /// <summary>The full options, defaults filled in.</summary>
    public required RecommenderOptions Options { get; init; }

    /// <summary>0-based repeat.</summary>
    public required int Repeat { get; init; }

    /// <summary>The repeat's seed (explicit or derived from the experiment seed).</summary>
    public required ulong RepeatSeed { get; init; }

    /// <summary>Seed of the split: from the experiment seed, dataset, split and repeat only, so every algorithm sees the same folds.</summary>
    public required ulong SplitSeed { get; init; }

    /// <summary>Seed of the fit and of the bootstrap: from the experiment seed and <see cref="Id"/>.</summary>
    public required ulong FitSeed { get; init; }

    /// <summary>The dataset's configuration.</summary>
    public required DatasetConfig DatasetConfig { get; init; }

    /// <summary>Canonical JSON of the dataset's source and preparation (its name excluded): the key of the shared dataset.</summary>
    internal string DatasetKey { get; init; } = "";

    /// <summary>The algorithm with its grid point, as tables show it: <c>item-knn-implicit neighbors=20</c>.</summary>
    public string Configuration => Parameters.Length == 0 ? Algorithm : $"{Algorithm} {Parameters}";

    /// <summary>One line naming the cell: <c>ml-latest-small kfold:5 fold 2 item-knn neighbors=40</c> (folds 1-based, repeats shown when several).</summary>
    public string Describe(int repeats) =>
        $"{Dataset} {Split}" + (FoldCount > 1 ? $" fold {Fold + 1}" : "") + (repeats > 1 ? $" repeat {Repeat + 1}" : "") + $" {Configuration}";
}
