using System.Diagnostics;
using RecLab.Evaluation;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Results;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Experiments.Execution;

/// <summary>Runs one cell: shared dataset and fold, a fresh model, fit, evaluation, a record with per-user values.</summary>
internal sealed class CellExecutor(ExperimentPlan plan, SharedInputs inputs, RecommenderRegistry registry, int threads)
{
    public (CellRecord Record, IReadOnlyList<PerUserValues>? PerUser) Run(Cell cell, CancellationToken ct)
    {
        var dataset = inputs.Dataset(cell);
        ct.ThrowIfCancellationRequested();
        Fold fold;
        try
        {
            fold = inputs.Fold(cell, dataset);
            CrossValidation.EnsureTestable(fold, cell.Definition.Split);
        }
        catch (ArgumentException e)
        {
            // A split that this data cannot make (more folds than interactions, no timestamps): say where the file asks for it.
            var split = plan.Config.Splits.Select((s, i) => (s, i)).First(x => ExperimentPlan.SplitLabel(x.s, cell.Onboarding) == cell.Split).i;
            throw new ArgumentException($"{ExperimentFile.Locate(plan.Config, $"splits[{split}].spec")}: {e.Message}", e);
        }
        if (cell.TrainImplicit)
            fold = fold.ToImplicit();
        ct.ThrowIfCancellationRequested();
        var options = plan.EvaluationOptions(cell, threads);
        var context = new FitContext { Seed = cell.FitSeed, MaxThreads = threads, CancellationToken = ct };
        var (model, fitTime) = cell.Onboarding is null ? Fit(cell, dataset, fold, context) : inputs.Fitted(cell, () => Fit(cell, dataset, fold, context));
        var result = Evaluator.Measure(model, fold, options, cell.FitSeed, fitTime, dataset.ItemFeatures, ct);
        ct.ThrowIfCancellationRequested();
        // Aggregating the one fold gives each mean its bootstrap interval, seeded by the cell.
        var intervals = CrossValidation.Aggregate([result], options, cell.FitSeed);
        var metrics = result.Metrics.Select((m, i) => new CellMetric
        {
            Name = m.Name,
            Value = m.Value,
            CiLow = intervals[i].CiLow,
            CiHigh = intervals[i].CiHigh,
            N = m.Count,
            HigherIsBetter = m.HigherIsBetter,
            UserMean = m.IsUserMean,
            Note = m.Note,
        }).ToList();
        var users = dataset.Interactions.Users;
        var perUser = plan.Config.Evaluation.PerUser
            ? result.Metrics.Where(m => m.PerUser.Length > 0)
                .Select(m => new PerUserValues(m.Name, m.Users.Select(u => users[u]).ToArray(), m.PerUser)).ToList()
            : null;
        var record = Base(cell) with
        {
            Status = CellRecord.Succeeded,
            Metrics = metrics,
            Buckets = options.ActivityBuckets is null ? null : result.Buckets,
            TestUsers = result.TestUsers,
            UsersEvaluated = result.UsersEvaluated,
            TrainInteractions = fold.Train.Count,
            FitSeconds = result.FitTime.TotalSeconds,
            EvaluationSeconds = result.EvaluationTime.TotalSeconds,
        };
        return (record, perUser);
    }

    private (IRecommender, TimeSpan) Fit(Cell cell, Data.Dataset dataset, Splitting.Fold fold, FitContext context)
    {
        var model = registry.Get(cell.Kind).Create(cell.Options);
        var stopwatch = Stopwatch.StartNew();
        model.Fit(TrainingSet.Of(dataset, fold.Train), context);
        return (model, stopwatch.Elapsed);
    }

    /// <summary>The record of a cell that threw.</summary>
    public CellRecord Failed(Cell cell, Exception error, TimeSpan elapsed) => Base(cell) with
    {
        Status = CellRecord.FailedStatus,
        FitSeconds = elapsed.TotalSeconds,
        Error = $"{error.GetType().Name}: {error.Message}",
        ErrorDetail = error.ToString(),
    };

    private CellRecord Base(Cell cell) => new()
    {
        Id = cell.Id,
        Status = CellRecord.Succeeded,
        Definition = cell.Definition.ToNode(),
        Dataset = cell.Dataset,
        Split = cell.Split,
        Fold = cell.Fold,
        Repeat = cell.Repeat,
        Algorithm = cell.Algorithm,
        Kind = cell.Kind,
        Parameters = cell.Parameters,
        SplitSeed = cell.SplitSeed,
        FitSeed = cell.FitSeed,
        PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        Threads = threads,
        RecLabVersion = Versions.RecLab,
        DotNet = Versions.DotNet,
        Os = Versions.Os,
        FinishedUtc = DateTime.UtcNow.ToString("O"),
    };
}
