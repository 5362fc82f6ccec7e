using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Results;

/// <summary>
/// One row of the tidy results (results.csv, <see cref="ExperimentResults.ToDataFrame"/>): a successful cell's metric,
/// or its mean over one activity bucket (<paramref name="Bucket"/> then names the bucket and there is no interval).
/// </summary>
internal sealed record TidyResult(Cell Cell, CellRecord Record, string Metric, double Value, double? CiLow, double? CiHigh, int N, string Bucket);
