using RecLab.Experiments.Cells;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Execution;

/// <summary>
/// What a run would do, without running anything: the cells and A/B tests of the shard with their status (done,
/// failed or stale, pending) and a rough cost estimate from what finished before: a cell from finished cells of the
/// same dataset (source and preparation) and algorithm kind, an A/B test from a finished test on the same world.
/// Units without such a basis are counted, never guessed.
/// </summary>
public static class DryRun
{
    /// <summary>The expanded table of <paramref name="plan"/> under <paramref name="options"/>.</summary>
    public static DryRunReport Describe(ExperimentPlan plan, RunOptions options)
    {
        var store = new CellStore(options.OutputFor(plan));
        var work = options.Shard.Select(plan);
        var stored = store.LoadAll();
        // Keyed by the dataset's source and preparation, not its name: a --set that swaps the data must not borrow the old timings.
        var history = stored.Values.Where(r => r.Status == CellRecord.Succeeded)
            .GroupBy(r => (Dataset: CanonicalJson.Write(r.Definition["dataset"]), r.Kind))
            .ToDictionary(g => g.Key, g => g.Average(r => r.FitSeconds + r.EvaluationSeconds));
        var rows = new List<DryRunRow>();
        foreach (var cell in work.Cells)
        {
            var status = stored.TryGetValue(cell.Id, out var record) && !options.Fresh
                ? record.Status == CellRecord.Succeeded ? "done" : "failed"
                : "pending";
            rows.Add(new DryRunRow(cell, status, history.TryGetValue((cell.DatasetKey, cell.Kind), out var s) ? s : null));
        }
        var abRows = work.AbTests.Select(test => AbRow(store.Folder, plan, test, options.Fresh)).ToList();
        var toRun = rows.Where(r => r.Status != "done").ToList();
        var abToRun = abRows.Where(r => r.Status != "done").ToList();
        return new DryRunReport
        {
            Rows = rows,
            AbTests = abRows,
            TotalCells = plan.Cells.Count,
            TotalAbTests = plan.AbTests.Count,
            ToRun = toRun.Count,
            EstimatedCellSeconds = toRun.Sum(r => r.EstimatedSeconds ?? 0),
            CellsWithoutEstimate = toRun.Count(r => r.EstimatedSeconds is null),
            AbTestsToRun = abToRun.Count,
            EstimatedAbSeconds = abToRun.Sum(r => r.EstimatedSeconds ?? 0),
            AbTestsWithoutEstimate = abToRun.Count(r => r.EstimatedSeconds is null),
            Jobs = options.Jobs,
            DistinctFolds = work.Cells.Select(c => (c.DatasetKey, c.SplitSpec, c.SplitSeed, c.Fold)).Distinct().Count(),
            OutputDirectory = store.Folder,
            FolderConflict = options.Fresh ? null : ResultsFolder.Conflict(store.Folder, plan, options.Registry),
        };
    }

    /// <summary>
    /// A test's status, and its cost from the stored run of any test of this folder on the same world (its own
    /// earlier configuration first), scaled by simulated days: the simulation's time grows with the days simulated.
    /// </summary>
    private static DryRunAbRow AbRow(string folder, ExperimentPlan plan, AbTestUnit test, bool fresh)
    {
        var stored = AbTestOutputs.StoredId(folder, test.Name);
        var status = stored == test.Id && !fresh ? "done" : stored is not null && stored != test.Id ? "stale" : "pending";
        var days = test.Test.Days + test.Test.PreDays;
        var candidates = new[] { test.Name }.Concat(plan.AbTests.Select(t => t.Name).Where(n => n != test.Name))
            .Concat(Directory.Exists(Path.Combine(folder, "ab")) ? Directory.EnumerateDirectories(Path.Combine(folder, "ab")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal) : []);
        foreach (var name in candidates.Distinct(StringComparer.Ordinal))
        {
            if (AbTestOutputs.StoredShape(folder, name) is { } shape && shape.World == test.Test.World && shape.Days > 0 &&
                AbTestOutputs.Seconds(folder, name) is { } seconds)
                return new DryRunAbRow(test, status, seconds * days / shape.Days);
        }
        return new DryRunAbRow(test, status, null);
    }
}
