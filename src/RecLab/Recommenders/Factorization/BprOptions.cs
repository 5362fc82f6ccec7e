namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Options of <see cref="Bpr"/>, with implicit's defaults (<c>factors=100, learning_rate=0.01, regularization=0.01,
/// iterations=100, verify_negative_samples=True</c>, negatives in proportion to popularity). cornac's <c>BPR</c> is
/// <c>sampling: uniform, initialization: cornac</c> with its <c>k</c>, <c>max_iter</c>, <c>learning_rate</c> and
/// <c>lambda_reg</c> as <c>factors</c>, <c>epochs</c>, <c>learning_rate</c> and <c>regularization</c>: both libraries
/// take one SGD step per drawn triple, draw as many triples per epoch as there are interactions, skip a negative the
/// user has, and regularize the biases with the factors' λ.
/// </summary>
public sealed record BprOptions : RecommenderOptions
{
    /// <summary>Latent factors per user and item (plus an item bias).</summary>
    public int Factors { get; init; } = 100;

    /// <summary>Epochs (implicit's <c>iterations</c>); each draws as many triples as there are interactions.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>SGD step size γ.</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>L2 regularization λ of factors and item biases.</summary>
    public float Regularization { get; init; } = 0.01f;

    /// <summary>How negatives are drawn.</summary>
    public NegativeSampling Sampling { get; init; } = NegativeSampling.Popularity;

    /// <summary>How factors and biases start (implicit's or cornac's scheme).</summary>
    public BprInitialization Initialization { get; init; } = BprInitialization.Implicit;

    /// <summary>Skip a drawn negative the user actually has (implicit's <c>verify_negative_samples</c>).</summary>
    public bool VerifyNegatives { get; init; } = true;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(SgdOptionChecks.Positive((nameof(LearningRate), LearningRate)))
            .Concat(SgdOptionChecks.NonNegative((nameof(Regularization), Regularization)));
}
