using RecLab.Experiments.Cells;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Execution;

/// <summary>
/// What a run would do, without running anything: the cells of the shard with their status (done, failed, pending)
/// and a rough cost estimate from the timings of finished cells of the same dataset and algorithm kind.
/// </summary>
public static class DryRun
{
    /// <summary>The expanded cell table of <paramref name="plan"/> under <paramref name="options"/>.</summary>
    public static DryRunReport Describe(ExperimentPlan plan, RunOptions options)
    {
        var store = new CellStore(options.OutputFor(plan));
        var cells = options.Shard.Select(plan.Cells);
        var stored = store.LoadAll();
        var history = stored.Values.Where(r => r.Status == CellRecord.Succeeded)
            .GroupBy(r => (r.Dataset, r.Kind))
            .ToDictionary(g => g.Key, g => g.Average(r => r.FitSeconds + r.EvaluationSeconds));
        var rows = new List<DryRunRow>();
        double estimate = 0;
        var unknown = 0;
        foreach (var cell in cells)
        {
            var status = stored.TryGetValue(cell.Id, out var record) && !options.Fresh
                ? record.Status == CellRecord.Succeeded ? "done" : "failed"
                : "pending";
            double? seconds = history.TryGetValue((cell.Dataset, cell.Kind), out var s) ? s : null;
            if (status != "done")
            {
                if (seconds is { } known)
                    estimate += known;
                else
                    unknown++;
            }
            rows.Add(new DryRunRow(cell, status, seconds));
        }
        return new DryRunReport
        {
            Rows = rows,
            TotalCells = plan.Cells.Count,
            ToRun = rows.Count(r => r.Status != "done"),
            EstimatedCellSeconds = estimate,
            CellsWithoutEstimate = unknown,
            Jobs = options.Jobs,
            DistinctFolds = cells.Select(c => (c.DatasetKey, c.SplitSpec, c.SplitSeed, c.Fold)).Distinct().Count(),
            OutputDirectory = store.Folder,
        };
    }
}
