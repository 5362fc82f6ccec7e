namespace RecLab.Recommenders.Content;

/// <summary>Options of <see cref="ClickModel"/>.</summary>
public sealed record ClickModelOptions : RecommenderOptions
{
    /// <summary>The learner: logistic regression, field-aware factorization machine, or boosted trees (FastTree or LightGBM).</summary>
    public ClickLearner Learner { get; init; } = ClickLearner.Logistic;

    /// <summary>Logistic: features are hashed into <c>2^HashBits</c> weights.</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>Logistic: L2 penalty λ on the weights (ML.NET's <c>L2Regularization</c>).</summary>
    public double Regularization { get; init; } = 1.0;

    /// <summary>Logistic: most L-BFGS iterations.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Item feature fields used (empty for all), each feature with its value, item rows L2-normalized.</summary>
    public string[] Fields { get; init; } = [];

    /// <summary>Item feature fields crossed with every user feature field (e.g. topic x age band); the counting features' taste share reads them too.</summary>
    public string[] CrossFields { get; init; } = ["topic", "genre"];

    /// <summary>Logistic and FFM: a weight per item (learned for items with impressions; a new item gets none and is scored from features).</summary>
    public bool ItemIds { get; init; } = true;

    /// <summary>
    /// The slate position as a training feature, so position bias is learned apart from the item's appeal; scoring
    /// always asks for the top slot (position-debiased click-through).
    /// </summary>
    public bool Position { get; init; } = true;

    /// <summary>Logistic: cross the user id with the cross fields (a per-user taste for each topic; only users seen in training benefit).</summary>
    public bool UserCrosses { get; init; }

    /// <summary>
    /// FFM: latent dimension of each feature's per-field vectors, a multiple of 8: ML.NET 6's AVX kernels step through
    /// latent vectors 8 floats at a time and silently skip a shorter remainder.
    /// </summary>
    public int Factors { get; init; } = 8;

    /// <summary>FFM: passes over the training rows (in a seeded shuffled order).</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>FFM: AdaGrad learning rate; boosted trees: shrinkage of each tree.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>FFM: L2 penalty on linear and latent weights.</summary>
    public double FactorRegularization { get; init; } = 1e-4;

    /// <summary>
    /// Boosted trees: factors of the user's collaborative taste for the item's creator, a counting feature fitted by
    /// alternating least squares to the impression log's position-adjusted click residuals over user x creator
    /// (cross-fitted by user folds and taken before each row's time, so a row's own click is in neither side); 0 leaves
    /// it out. Needs a timed impression log and item creators.
    /// </summary>
    public int CreatorFactors { get; init; } = 16;

    /// <summary>Boosted trees: number of trees.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Boosted trees: leaves per tree.</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>
    /// Share of non-clicked impressions kept for training (seeded), as CTR systems down-sample negatives; predictions
    /// are corrected back, <c>p = q / (q + (1 − q) / rate)</c>, so probabilities and log-loss stay calibrated.
    /// </summary>
    public double NegativeRate { get; init; } = 1.0;

    /// <summary>Without an impression log: unobserved items sampled per interaction as non-clicks (every interaction is a click).</summary>
    public int Negatives { get; init; } = 4;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        Between(nameof(HashBits), HashBits, 8, 26)
            .Concat(AtLeast(nameof(Regularization), Regularization, 0))
            .Concat(AtLeast(nameof(Iterations), Iterations, 1))
            .Concat(Between(nameof(Factors), Factors, 8, 256))
            .Concat(Factors % 8 == 0 ? [] : [new OptionError(nameof(Factors), $"must be a multiple of 8 (got {Factors})")])
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(Between(nameof(LearningRate), LearningRate, 1e-6, 10))
            .Concat(AtLeast(nameof(FactorRegularization), FactorRegularization, 0))
            .Concat(Between(nameof(CreatorFactors), CreatorFactors, 0, 64))
            .Concat(AtLeast(nameof(Trees), Trees, 1))
            .Concat(Between(nameof(Leaves), Leaves, 2, 1024))
            .Concat(Between(nameof(NegativeRate), NegativeRate, 1e-4, 1))
            .Concat(AtLeast(nameof(Negatives), Negatives, 1));
}
