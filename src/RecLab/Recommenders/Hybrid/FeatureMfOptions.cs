namespace RecLab.Recommenders.Hybrid;

/// <summary>Options of <see cref="FeatureMf"/>, with LightFM's defaults where it has them (Adagrad, learning rate 0.05, WARP with 10 draws).</summary>
public sealed record FeatureMfOptions : RecommenderOptions
{
    /// <summary>Latent factors (LightFM's <c>no_components</c>).</summary>
    public int Factors { get; init; } = 32;

    /// <summary>Passes over the training interactions.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Adagrad step size.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>L2 penalty on every embedding and bias row each step touches (LightFM's <c>item_alpha</c>/<c>user_alpha</c>).</summary>
    public float Regularization { get; init; } = 1e-6f;

    /// <summary>Ranking loss.</summary>
    public FeatureMfLoss Loss { get; init; } = FeatureMfLoss.Warp;

    /// <summary>Most negatives drawn per positive with WARP.</summary>
    public int MaxSampled { get; init; } = 10;

    /// <summary>Item feature fields used (e.g. <c>genre|tag</c>, <c>topic|token</c>); empty for all.</summary>
    public string[] Fields { get; init; } = [];

    /// <summary>Give every item with training data its own offset embedding besides its features (LightFM's identity features).</summary>
    public bool ItemOffsets { get; init; } = true;

    /// <summary>Represent users by their user feature categories (e.g. age band, gender) besides their own offset, when the data has them.</summary>
    public bool UserFeatures { get; init; } = true;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(LearningRate > 0 && float.IsFinite(LearningRate) ? [] : [new OptionError(nameof(LearningRate), $"must be a positive number (got {LearningRate})")])
            .Concat(AtLeast(nameof(Regularization), Regularization, 0))
            .Concat(AtLeast(nameof(MaxSampled), MaxSampled, 1));
}
