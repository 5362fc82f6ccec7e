namespace RecLab.Evaluation;

/// <summary>Everything measured for one model on one fold.</summary>
public sealed record EvaluationResult
{
    /// <summary>Algorithm registry name.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Fold index.</summary>
    public required int Fold { get; init; }

    /// <summary>The metrics, in the order requested.</summary>
    public required IReadOnlyList<MetricResult> Metrics { get; init; }

    /// <summary>Users with at least one test interaction.</summary>
    public required int TestUsers { get; init; }

    /// <summary>Users scored for ranking metrics (test users with at least one relevant item).</summary>
    public required int UsersEvaluated { get; init; }

    /// <summary>Test users left out of ranking metrics because none of their test items is relevant.</summary>
    public required int UsersWithoutRelevant { get; init; }

    /// <summary>Test ratings predicted for rating metrics.</summary>
    public required int RatingsPredicted { get; init; }

    /// <summary>Time to fit.</summary>
    public required TimeSpan FitTime { get; init; }

    /// <summary>Time to predict and rank.</summary>
    public required TimeSpan EvaluationTime { get; init; }

    /// <summary>Per-user metrics by user activity bucket (<see cref="EvaluationOptions.ActivityBuckets"/>); empty when not asked for.</summary>
    public IReadOnlyList<ActivityBucket> Buckets { get; init; } = [];

    /// <summary>The metric with this name.</summary>
    public MetricResult this[string name] =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"No metric '{name}' in this result.");
}
