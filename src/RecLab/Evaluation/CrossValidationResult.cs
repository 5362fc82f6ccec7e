namespace RecLab.Evaluation;

/// <summary>One algorithm evaluated on every fold of a split, with metrics aggregated over folds.</summary>
public sealed record CrossValidationResult
{
    /// <summary>Algorithm registry name.</summary>
    public required string Algorithm { get; init; }

    /// <summary>A label for this configuration (name plus non-default options), unique within a comparison.</summary>
    public required string Label { get; init; }

    /// <summary>Non-default hyper-parameters as text (<c>neighbors=20, similarity=cosine</c>), empty for defaults.</summary>
    public required string Parameters { get; init; }

    /// <summary>The onboarding size this result was measured with, in an onboarding curve (<see cref="CrossValidation.RunOnboardingCurve"/>); else null.</summary>
    public int? OnboardingSize { get; init; }

    /// <summary>Per-fold results.</summary>
    public required IReadOnlyList<EvaluationResult> Folds { get; init; }

    /// <summary>Metrics aggregated over folds (see <see cref="CrossValidation.Aggregate"/>).</summary>
    public required IReadOnlyList<MetricResult> Metrics { get; init; }

    /// <summary>Per-user metrics by user activity bucket, pooled over folds; empty when not asked for.</summary>
    public IReadOnlyList<ActivityBucket> Buckets { get; init; } = [];

    /// <summary>Total fit time over folds.</summary>
    public TimeSpan FitTime => TimeSpan.FromTicks(Folds.Sum(f => f.FitTime.Ticks));

    /// <summary>Total evaluation time over folds.</summary>
    public TimeSpan EvaluationTime => TimeSpan.FromTicks(Folds.Sum(f => f.EvaluationTime.Ticks));

    /// <summary>User-fold pairs scored for ranking metrics, over all folds.</summary>
    public int UsersEvaluated => Folds.Sum(f => f.UsersEvaluated);

    /// <summary>The aggregated metric with this name.</summary>
    public MetricResult this[string name] =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"No metric '{name}' in this result.");
}
