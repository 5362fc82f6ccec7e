using RecLab.Evaluation.Metrics;

namespace RecLab.Evaluation;

/// <summary>What to measure and how (the conventions are in src/RecLab/Evaluation/README.md).</summary>
public sealed record EvaluationOptions
{
    /// <summary>The metrics; ranking lists are as long as the largest <c>@N</c> among them.</summary>
    public required IReadOnlyList<IMetric> Metrics { get; init; }

    /// <summary>
    /// For explicit data, a test rating at or above this is relevant (default 4.0). Implicit data: every test
    /// interaction is relevant and this is ignored.
    /// </summary>
    public float RelevanceThreshold { get; init; } = 4.0f;

    /// <summary>Remove the user's training (and onboarding) items from the candidates (default, as in every peer library).</summary>
    public bool ExcludeSeenItems { get; init; } = true;

    /// <summary>
    /// Also remove items without any training interaction from the candidates (default false): rank only the training
    /// items, the model's vocabulary, as Microsoft Recommenders' cornac and SAR wrappers and LensKit's top-N pipelines do.
    /// </summary>
    public bool ExcludeUntrainedItems { get; init; }

    /// <summary>Keep the per-user values (for paired tests and distributions); default true.</summary>
    public bool KeepPerUser { get; init; } = true;

    /// <summary>Level of the bootstrap confidence intervals of means.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Bootstrap resamples for the confidence intervals (0 for none).</summary>
    public int BootstrapResamples { get; init; } = Statistics.Bootstrap.DefaultResamples;

    /// <summary>
    /// Cold-start folds: hand each user at most this many of their onboarding interactions (the earliest by time, or a
    /// seeded random sample nested across sizes when there are no timestamps); null hands them all. One split such as
    /// <c>cold-users:0.2:onboard=10</c> then gives the whole curve for sizes 0 to 10 on the same test users and items.
    /// Onboarding interactions held back are removed from the candidates (they are neither relevant nor unseen).
    /// </summary>
    public int? OnboardingSize { get; init; }

    /// <summary>
    /// Lower bounds of the user activity buckets to break results down by (e.g. 1, 6, 21, 101 for 1-5, 6-20, 21-100,
    /// 101+ known interactions; see <see cref="ActivityBreakdown"/>); null for no breakdown. Needs <see cref="KeepPerUser"/>.
    /// </summary>
    public IReadOnlyList<int>? ActivityBuckets { get; init; }

    /// <summary>Most threads for scoring users (default: all cores).</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;
}
