using System.Collections.Concurrent;
using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Experiments.Cells;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Experiments.Execution;

/// <summary>
/// Datasets and folds built once and shared by the cells that use them: cells of the same (dataset, split, repeat,
/// fold) run next to each other and get the very same fold, so algorithms are compared on identical data.
/// </summary>
internal sealed class SharedInputs(int foldCapacity, int modelCapacity, DataCache? cache = null)
{
    private readonly BoundedCache<Dataset> _datasets = new(2);
    private readonly BoundedCache<Fold> _folds = new(Math.Max(2, foldCapacity));
    private readonly BoundedCache<FittedModel> _models = new(Math.Max(2, modelCapacity));
    private readonly ConcurrentDictionary<string, DatasetFacts> _facts = new(StringComparer.Ordinal);

    /// <summary>Checksum and size of every dataset loaded in this run, by name.</summary>
    public IReadOnlyDictionary<string, DatasetFacts> Facts => _facts;

    /// <summary>Folds built (not taken from the cache).</summary>
    public int FoldBuilds => _folds.Builds;

    public Dataset Dataset(Cell cell) => _datasets.Get(cell.DatasetKey, () =>
    {
        var dataset = DatasetPreparation.Load(cell.DatasetConfig, cache);
        var data = dataset.Interactions;
        _facts[cell.Dataset] = new DatasetFacts(cell.Dataset, cell.DatasetConfig.Source ?? cell.DatasetConfig.Csv?.Path ?? "",
            DatasetPreparation.Checksum(data), data.ActiveUserCount(), data.ActiveItemCount(), data.Count, data.Kind.ToString().ToLowerInvariant(),
            dataset.Report.SkippedLines, dataset.Report.SkippedLines > 0 ? dataset.Report.Problems : null);
        return dataset;
    });

    /// <summary>
    /// The fitted model of a point of a cold-start curve, shared by the cells that differ only in onboarding size (the
    /// fit sees the training data alone, so they would fit the very same model), with the time of its one fit.
    /// </summary>
    public (IRecommender Model, TimeSpan FitTime) Fitted(Cell cell, Func<(IRecommender, TimeSpan)> fit) =>
        _models.Get($"{cell.DatasetKey}|{cell.SplitSpec}|{cell.SplitSeed}|{cell.Fold}|{cell.Kind}|{CanonicalJson.Options(cell.Options)}",
            () => new FittedModel(fit())).Value;

    private sealed record FittedModel((IRecommender Model, TimeSpan FitTime) Value);

    public Fold Fold(Cell cell, Dataset dataset) =>
        _folds.Get($"{cell.DatasetKey}|{cell.SplitSpec}|{cell.SplitSeed}|{cell.Fold}",
            () => cell.Definition.Split.CreateFold(dataset.Interactions, cell.Fold, cell.SplitSeed));
}
