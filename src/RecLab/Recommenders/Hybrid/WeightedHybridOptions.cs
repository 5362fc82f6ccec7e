using RecLab.Splitting;

namespace RecLab.Recommenders.Hybrid;

/// <summary>Options of <see cref="WeightedHybrid"/>.</summary>
public sealed record WeightedHybridOptions : RecommenderOptions
{
    /// <summary>
    /// The recommenders blended, each a registered kind with its options, as an algorithm is given (e.g.
    /// <c>[most-popular, {kind: implicit-als, options: {factors: 64}}]</c>).
    /// </summary>
    public RecommenderSpec[] Components { get; init; } = ["most-popular", "content-based"];

    /// <summary>One fixed weight per component; empty to fit them on a validation split.</summary>
    public float[] Weights { get; init; } = [];

    /// <summary>How each component's scores are normalized per query before blending.</summary>
    public ScoreNormalization Normalization { get; init; } = ScoreNormalization.ZScore;

    /// <summary>How weights are fitted when none are given.</summary>
    public WeightFitting Fitting { get; init; } = WeightFitting.Grid;

    /// <summary>
    /// The split of the training data the weights are fitted on (seeded, first fold; a split spec in YAML and on the
    /// command line): the default holds out 20% of each user's interactions; <c>cold-users:0.2:onboard=5</c> fits them
    /// for new users who gave 5 ratings (their onboarding interactions are their queries' history).
    /// </summary>
    public ISplitter ValidationSplit { get; init; } = new GroupHoldout(new GroupHoldoutOptions());

    /// <summary>Most validation users the weights are fitted on (a seeded sample), to bound the cost.</summary>
    public int ValidationUsers { get; init; } = 300;

    /// <summary>Step of the weight grid (<see cref="WeightFitting.Grid"/>): weights are multiples of it summing to 1.</summary>
    public double GridStep { get; init; } = 0.1;

    /// <summary>Unobserved items sampled per validation user as non-relevant rows (<see cref="WeightFitting.LeastSquares"/>).</summary>
    public int Negatives { get; init; } = 100;

    /// <summary>Explicit data: a held-out rating at or above this is relevant when fitting weights.</summary>
    public float RelevanceThreshold { get; init; } = 4f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate()
    {
        var errors = new List<OptionError>(RecommenderSpec.Check(nameof(Components), Components));
        if (Weights.Length > 0 && Weights.Length != Components.Length)
            errors.Add(new OptionError(nameof(Weights), $"must give one weight per component ({Components.Length}), or none to fit them (got {Weights.Length})"));
        if (Weights.Any(w => !float.IsFinite(w)))
            errors.Add(new OptionError(nameof(Weights), "must be finite numbers"));
        errors.AddRange(AtLeast(nameof(ValidationUsers), ValidationUsers, 1));
        errors.AddRange(Between(nameof(GridStep), GridStep, 0.01, 1));
        errors.AddRange(AtLeast(nameof(Negatives), Negatives, 1));
        return errors;
    }
}
