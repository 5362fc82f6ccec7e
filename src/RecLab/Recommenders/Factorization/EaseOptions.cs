namespace RecLab.Recommenders.Factorization;

/// <summary>Options of <see cref="Ease"/>.</summary>
public sealed record EaseOptions : RecommenderOptions
{
    /// <summary>λ added to the diagonal of XᵀX (Steck reports a few hundred as typical on MovieLens-sized data).</summary>
    public float Regularization { get; init; } = 500f;

    /// <summary>
    /// Largest catalogue (items with training interactions) it agrees to fit: the model is a dense item x item
    /// matrix of 4·n² bytes (1.6 GB at 20,000 items) and fitting costs about n³ operations.
    /// </summary>
    public int MaxItems { get; init; } = 20_000;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        GreaterThan(nameof(Regularization), Regularization, 0)
            .Concat(Between(nameof(MaxItems), MaxItems, 1, Ease.ArrayLimit));
}
