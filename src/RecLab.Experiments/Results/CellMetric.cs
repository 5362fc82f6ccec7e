namespace RecLab.Experiments.Results;

/// <summary>One metric of one cell.</summary>
public sealed record CellMetric
{
    /// <summary>Canonical metric name, e.g. <c>ndcg@10</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Mean over the fold's users (or the catalogue value, or RMSE/MAE over ratings); NaN when not applicable.</summary>
    public required double Value { get; init; }

    /// <summary>Lower bound of the bootstrap interval of the mean, when it is a mean over users.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper bound of the bootstrap interval of the mean.</summary>
    public double? CiHigh { get; init; }

    /// <summary>Values the mean is over.</summary>
    public int N { get; init; }

    /// <summary>True when larger is better.</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>True when <see cref="Value"/> is the mean of per-user values.</summary>
    public bool UserMean { get; init; }

    /// <summary>Why the value is missing or special, else null.</summary>
    public string? Note { get; init; }
}
