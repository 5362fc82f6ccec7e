namespace RecLab.Recommenders.Neighborhood;

/// <summary>Hyper-parameters shared by <see cref="ItemKnnImplicit"/> and <see cref="UserKnnImplicit"/>.</summary>
public abstract record ImplicitKnnOptions : RecommenderOptions
{
    /// <summary>Neighbours kept per item (item-kNN, implicit's <c>K</c>) or used per user (user-kNN).</summary>
    public int Neighbors { get; init; } = 20;

    /// <summary>Interaction weighting and similarity.</summary>
    public ImplicitWeighting Weighting { get; init; } = ImplicitWeighting.Cosine;

    /// <summary>Exponent of the asymmetric cosine (0.5 = cosine).</summary>
    public float Alpha { get; init; } = 0.5f;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (0 = none, 1 = full).</summary>
    public float B { get; init; } = 0.75f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        AtLeast(nameof(Neighbors), Neighbors, 1)
        .Concat(Between(nameof(Alpha), Alpha, 0, 1))
        .Concat(AtLeast(nameof(K1), K1, 0))
        .Concat(Between(nameof(B), B, 0, 1));
}
