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
    /// <summary>Everything that determines the result; its canonical JSON is what <see cref="Id"/> hashes.</summary>
    public required CellDefinition Definition { get; init; }

    /// <summary>First 16 hex digits of the SHA-256 of the definition's canonical JSON.</summary>
    public string Id => Definition.Id;

    /// <summary>Dataset name.</summary>
    public string Dataset => Definition.Dataset.Name;

    /// <summary>Split name; with an onboarding size, <c>NAME onboarding=N</c> (each size is a table of its own).</summary>
    public required string Split { get; init; }

    /// <summary>Onboarding interactions handed to each cold user's query (a point of the cold-start curve); null when the split has no onboarding sizes.</summary>
    public int? Onboarding => Definition.Onboarding;

    /// <summary>Canonical split spec (<c>ISplitter.Spec</c>).</summary>
    public string SplitSpec => Definition.Split.Spec;

    /// <summary>0-based fold.</summary>
    public int Fold => Definition.Fold;

    /// <summary>Folds of the split.</summary>
    public int FoldCount => Definition.Split.FoldCount;

    /// <summary>Algorithm name (its label in the file).</summary>
    public required string Algorithm { get; init; }

    /// <summary>Registry name of the algorithm.</summary>
    public string Kind => Definition.Kind;

    /// <summary>The grid point's values, <c>neighbors=20 weighting=bm25</c>; empty without a grid.</summary>
    public required string Parameters { get; init; }

    /// <summary>The full options, defaults filled in.</summary>
    public RecommenderOptions Options => Definition.Options;

    /// <summary>True when the algorithm trains on the ratings as implicit interactions (<see cref="Schema.AlgorithmConfig.TrainImplicit"/>).</summary>
    public bool TrainImplicit => Definition.TrainImplicit;

    /// <summary>0-based repeat.</summary>
    public required int Repeat { get; init; }

    /// <summary>The repeat's seed (explicit or derived from the experiment seed).</summary>
    public ulong RepeatSeed => Definition.RepeatSeed;

    /// <inheritdoc cref="CellDefinition.SplitSeed"/>
    public ulong SplitSeed => Definition.SplitSeed;

    /// <inheritdoc cref="CellDefinition.FitSeed"/>
    public ulong FitSeed => Definition.FitSeed;

    /// <summary>The dataset's configuration.</summary>
    public DatasetConfig DatasetConfig => Definition.Dataset;

    /// <inheritdoc cref="CellDefinition.DatasetKey"/>
    internal string DatasetKey => Definition.DatasetKey;

    /// <summary>The algorithm with its grid point, as tables show it: <c>item-knn-implicit neighbors=20</c>.</summary>
    public string Configuration => Parameters.Length == 0 ? Algorithm : $"{Algorithm} {Parameters}";

    /// <summary>One line naming the cell: <c>ml-latest-small kfold:5 fold 2 item-knn neighbors=40</c> (folds 1-based, repeats shown when several).</summary>
    public string Describe(int repeats) =>
        $"{Dataset} {Split}" + (FoldCount > 1 ? $" fold {Fold + 1}" : "") + (repeats > 1 ? $" repeat {Repeat + 1}" : "") + $" {Configuration}";
}
