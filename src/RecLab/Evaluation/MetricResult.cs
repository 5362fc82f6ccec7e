namespace RecLab.Evaluation;

/// <summary>One metric's value for one evaluated model, with its per-user values when it has them.</summary>
public sealed record MetricResult
{
    /// <summary>Metric name, e.g. <c>ndcg@10</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The reported value: the mean over users for per-user metrics; RMSE/MAE over all test ratings
    /// (as Surprise reports them); the catalogue value for coverage and Gini.
    /// </summary>
    public required double Value { get; init; }

    /// <summary>Lower bound of the bootstrap confidence interval of the mean, when computed.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper bound of the bootstrap confidence interval of the mean, when computed.</summary>
    public double? CiHigh { get; init; }

    /// <summary>True when larger is better.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>Users the per-user values belong to (dense user indices, ascending); empty for catalogue metrics.</summary>
    public int[] Users { get; init; } = [];

    /// <summary>Per-user values aligned with <see cref="Users"/> (NaN where undefined for that user).</summary>
    public double[] PerUser { get; init; } = [];

    /// <summary>
    /// Pairing keys aligned with <see cref="PerUser"/> (<see cref="CrossValidation.PairKey"/> of fold and user), so two
    /// algorithms evaluated on the same folds can be compared user by user; empty for a single fold's result.
    /// </summary>
    public long[] Keys { get; init; } = [];

    /// <summary>True when <see cref="Value"/> is the mean of <see cref="PerUser"/> (ranking and list metrics).</summary>
    public bool IsUserMean { get; init; }

    /// <summary>Number of values the mean is over (users, or test ratings for RMSE/MAE).</summary>
    public int Count { get; init; }

    /// <summary>Why the value is missing or special (e.g. RMSE of a model that does not predict ratings), else null.</summary>
    public string? Note { get; init; }
}
