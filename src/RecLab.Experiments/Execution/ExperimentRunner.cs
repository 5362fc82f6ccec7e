using System.Diagnostics;
using RecLab.Data;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Execution;

/// <summary>
/// Runs an experiment's cells in parallel, writing each finished cell atomically so that a rerun resumes where an
/// interrupted one stopped (or keeping them in memory: <see cref="RunOptions.Store"/>, then nothing below is written).
/// A cell that throws is recorded with its error and the others go on. Then the run simulates its A/B tests (each
/// resumable too, in <c>ab/TEST/</c>). A complete unsharded run writes results.csv, summary.md, timings.md and
/// manifest.json; a shard writes its own manifest and leaves the reports to <c>reclab merge</c>. The folder is locked
/// for the run (<see cref="ResultsFolderLock"/>) and must hold the same setup or none (<see cref="ResultsFolder"/>).
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the cells of <paramref name="plan"/> selected by <paramref name="options"/>.</summary>
    /// <remarks>Cancellation stops cells in progress (their results are not written) and returns with <see cref="RunResult.Cancelled"/>.</remarks>
    public static async Task<RunResult> RunAsync(ExperimentPlan plan, RunOptions options, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var store = options.Store ?? new CellStore(options.OutputFor(plan));
        var folder = store.Folder;
        var work = options.Shard.Select(plan);
        if (folder is null && work.AbTests.Count > 0)
            throw new ArgumentException("A/B tests write their outputs into a results folder: run them with the file cell store (RunOptions.Store null).");
        using var folderLock = folder is null ? null : ResultsFolderLock.For(folder, options.Shard,
            $"reclab run {plan.Config.Name}" + (options.Shard.Count > 1 ? $" --shard {options.Shard}" : ""));
        if (folder is not null)
            ResultsFolder.Claim(folder, plan, options.Fresh, "Give this run its own folder with --output DIR, or pass --fresh to replace them.", options.Registry);

        // User ids are pseudonymised on their way into files; cells kept in memory are never written.
        var pseudonyms = folder is null ? null : Pseudonymizer.For(plan.Config, folder);
        var shard = work.Cells;
        var pending = options.Fresh ? shard : shard.Where(c => store.TryLoad(c.Id)?.Status != CellRecord.Succeeded).ToList();
        var reused = shard.Count - pending.Count;
        var threads = options.ThreadsPerCell;
        // Models: one per configuration, so a cold-start curve fits each once whatever the job count.
        var inputs = new SharedInputs(options.Jobs + 2, plan.Configurations.Count + options.Jobs, options.Data);
        var executor = new CellExecutor(plan, inputs, options.Registry, threads);
        var failures = new List<CellFailure>();
        var gate = new Lock();
        int done = 0, failed = 0, succeeded = 0;
        var cancelled = false;

        // Each dataset is read before any cell runs, so bad data is one error for the dataset, not one per cell, and a
        // split the data cannot make one error for the split; their cells are recorded as failed with that error (a rerun
        // after the fix retries them) and do not run.
        var datasetFailures = LoadDatasets(plan, pending, inputs);
        LoadFailure? NotRunnable(Cell c) => datasetFailures.Find(f => f.Dataset == c.Dataset && (f.Split is null || f.Split == c.Split));
        foreach (var cell in pending)
        {
            if (NotRunnable(cell) is not { Exception: var exception })
                continue;
            var record = executor.Failed(cell, exception, TimeSpan.Zero);
            store.Save(record, null);
            failures.Add(new CellFailure(cell, record.Error!) { Exception = exception });
        }
        if (datasetFailures.Count > 0)
            pending = pending.Where(c => NotRunnable(c) is null).ToList();

        void Report(RunEvent e, Cell cell, CellRecord? record) => options.Progress?.Report(new RunProgress
        {
            Event = e, Cell = cell, Record = record, Done = done, Failed = failed, Total = pending.Count,
            Repeats = plan.RepeatSeeds.Count, Elapsed = stopwatch.Elapsed,
        });

        try
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = ct },
                (cell, token) =>
                {
                    lock (gate)
                        Report(RunEvent.Started, cell, null);
                    var cellClock = Stopwatch.StartNew();
                    try
                    {
                        var (record, perUser) = executor.Run(cell, token);
                        store.Save(record, perUser is not null && pseudonyms is not null ? pseudonyms.Apply(perUser) : perUser);
                        lock (gate)
                        {
                            done++;
                            succeeded++;
                            Report(RunEvent.Finished, cell, record);
                        }
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception e)
                    {
                        var record = executor.Failed(cell, e, cellClock.Elapsed);
                        store.Save(record, null);
                        lock (gate)
                        {
                            done++;
                            failed++;
                            failures.Add(new CellFailure(cell, record.Error!) { Exception = e });
                            Report(RunEvent.Failed, cell, record);
                        }
                    }
                    return ValueTask.CompletedTask;
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            cancelled = true;
        }

        // A/B tests simulate whole worlds, after the cells: each is a unit one shard owns, as a cell is.
        IReadOnlyList<(string Test, string Error)> abFailures = [];
        var abRan = 0;
        if (!cancelled)
        {
            try
            {
                if (folder is not null)
                    abFailures = AbTestExecutor.RunAll(plan, work.AbTests, options, folder, pseudonyms, out abRan, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                cancelled = true;
            }
        }

        var order = plan.Cells.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var reportWritten = folder is not null && !cancelled && options.Shard.Count == 1;
        var result = new RunResult
        {
            OutputDirectory = folder ?? "",
            TotalCells = plan.Cells.Count,
            ShardCells = shard.Count,
            ShardAbTests = work.AbTests.Count,
            Reused = reused,
            Succeeded = succeeded,
            Failures = failures.OrderBy(f => order[f.Cell.Id]).ToList(),
            Cancelled = cancelled,
            Elapsed = stopwatch.Elapsed,
            FoldsBuilt = inputs.FoldBuilds,
            ReportWritten = reportWritten,
            AbTestFailures = abFailures,
            AbTestsRun = abRan,
            DatasetFailures = datasetFailures.Select(f => new DatasetFailure(f.Dataset, f.Cells, f.Exception.Message) { Split = f.Split, Exception = f.Exception }).ToList(),
            Datasets = [.. inputs.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal)],
        };
        if (folder is null)
            return result;
        // The manifest first: report.html shows it, and `reclab report` must rewrite the very same page.
        Manifest.Write(folder, Manifest.ForRun(plan, options, result, inputs.Facts.Values, started, pseudonyms?.KeyId));
        if (reportWritten)
            ReportWriters.WriteAll(ExperimentResults.Load(plan, store));
        return result;
    }

    private sealed record LoadFailure(string Dataset, string? Split, int Cells, Exception Exception);

    /// <summary>
    /// Loads the datasets of <paramref name="pending"/>'s cells read from files, the last used first, so those the cells
    /// start with are still cached; returns the ones that failed, and the splits a loaded dataset cannot make. A generated
    /// world has no lines to be bad and is left to its first cell: the dataset cache holds two, so loading a third ahead
    /// would generate it twice.
    /// </summary>
    private static List<LoadFailure> LoadDatasets(ExperimentPlan plan, IReadOnlyList<Cell> pending, SharedInputs inputs)
    {
        var failures = new List<LoadFailure>();
        var byDataset = pending.Where(c => c.DatasetConfig.Source is not { } source || !Data.Synthetic.SyntheticDataset.IsName(source))
            .GroupBy(c => c.Dataset, StringComparer.Ordinal).Reverse();
        foreach (var cells in byDataset)
        {
            Dataset dataset;
            try
            {
                dataset = inputs.Dataset(cells.First());
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                failures.Add(new LoadFailure(cells.Key, null, cells.Count(), e));
                continue;
            }
            failures.AddRange(UnmakeableSplits(plan, cells, dataset.Interactions.Count));
        }
        return failures;
    }

    /// <summary>
    /// Splits that deal more folds than the dataset has interactions (kfold:1000 over 400 ratings): every splitter's folds
    /// test disjoint interactions, so some fold would test nothing. One error per split, before any cell runs, instead of
    /// one per empty fold after the others have run.
    /// </summary>
    private static IEnumerable<LoadFailure> UnmakeableSplits(ExperimentPlan plan, IEnumerable<Cell> cells, int interactions)
    {
        foreach (var split in cells.GroupBy(c => c.Split, StringComparer.Ordinal))
        {
            var cell = split.First();
            var folds = cell.Definition.Split.FoldCount;
            if (folds <= interactions)
                continue;
            var index = plan.Config.Splits.Select((s, i) => (s, i)).First(x => ExperimentPlan.SplitLabel(x.s, cell.Onboarding) == cell.Split).i;
            var cause = new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Split '{cell.Definition.Split.Spec}' deals {folds:N0} test folds, but dataset '{cell.Dataset}' has {interactions:N0} " +
                $"interactions, so some folds would test nothing. Use at most {interactions:N0} folds."));
            // Placed in the experiment file as a cell's split error is (CellExecutor), the cause inside for reclab eval.
            var located = new ArgumentException($"{ExperimentFile.Locate(plan.Config, $"splits[{index}].spec")}: {cause.Message}", cause);
            yield return new LoadFailure(cell.Dataset, split.Key, split.Count(), located);
        }
    }
}
