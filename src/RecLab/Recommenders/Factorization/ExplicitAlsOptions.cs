namespace RecLab.Recommenders.Factorization;

/// <summary>Options of <see cref="ExplicitAls"/>; the defaults are LensKit's BiasedMF.</summary>
public sealed record ExplicitAlsOptions : RecommenderOptions
{
    /// <summary>Latent factors per user and item.</summary>
    public int Factors { get; init; } = 50;

    /// <summary>Alternating sweeps (users, then items).</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>λ: L2 penalty, multiplied by each user's or item's rating count (weighted-λ regularization).</summary>
    public float Regularization { get; init; } = 0.1f;

    /// <summary>λ for user factors when set (else <see cref="Regularization"/>).</summary>
    public float? UserRegularization { get; init; }

    /// <summary>λ for item factors when set (else <see cref="Regularization"/>).</summary>
    public float? ItemRegularization { get; init; }

    /// <summary>Pseudo-count of zero deviations damping the item and user biases towards zero.</summary>
    public float Damping { get; init; } = 5f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Iterations), Iterations, 1))
            .Concat(AtLeast(nameof(Regularization), Regularization, 0))
            .Concat(UserRegularization is { } u ? AtLeast(nameof(UserRegularization), u, 0) : [])
            .Concat(ItemRegularization is { } i ? AtLeast(nameof(ItemRegularization), i, 0) : [])
            .Concat(AtLeast(nameof(Damping), Damping, 0));
}
