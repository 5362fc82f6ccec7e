namespace RecLab.Recommenders.Factorization;

/// <summary>Options of <see cref="PureSvd"/>.</summary>
public sealed record PureSvdOptions : RecommenderOptions
{
    /// <summary>Singular vectors kept (Cremonesi et al. report 50 as a good size on MovieLens).</summary>
    public int Factors { get; init; } = 50;

    /// <summary>Extra random directions sampled beyond <see cref="Factors"/> (Halko et al. suggest 5-10).</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Power iterations sharpening the sampled subspace when singular values decay slowly.</summary>
    public int PowerIterations { get; init; } = 2;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Oversampling), Oversampling, 0))
            .Concat(AtLeast(nameof(PowerIterations), PowerIterations, 0));
}
