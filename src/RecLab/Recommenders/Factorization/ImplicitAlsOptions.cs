namespace RecLab.Recommenders.Factorization;

/// <summary>Options of <see cref="ImplicitAls"/>; the defaults are the implicit library's, at 64 factors.</summary>
public sealed record ImplicitAlsOptions : RecommenderOptions
{
    /// <summary>Latent factors per user and item.</summary>
    public int Factors { get; init; } = 64;

    /// <summary>λ: L2 penalty on user and item factors (not scaled by counts, as in Hu et al. and implicit).</summary>
    public float Regularization { get; init; } = 0.01f;

    /// <summary>
    /// α in the confidence <c>c = 1 + α·r</c> of an observed interaction with value r (Hu et al. 2008). The implicit
    /// library uses <c>c = α_implicit·r</c>; on 0/1 data its <c>alpha</c> equals this α + 1, so its default 1.0 is α = 0 here.
    /// </summary>
    public float Alpha { get; init; } = 1f;

    /// <summary>Alternating sweeps (users, then items).</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Conjugate-gradient steps per row and sweep (with <see cref="AlsSolver.Cg"/>).</summary>
    public int CgSteps { get; init; } = 3;

    /// <summary>Per-row solver: conjugate gradient (fast) or exact Cholesky (reference).</summary>
    public AlsSolver Solver { get; init; } = AlsSolver.Cg;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Regularization), Regularization, 0))
            .Concat(AtLeast(nameof(Alpha), Alpha, 0))
            .Concat(AtLeast(nameof(Iterations), Iterations, 1))
            .Concat(AtLeast(nameof(CgSteps), CgSteps, 1));
}
