using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Hyper-parameters shared by the rating models learned by SGD (<see cref="BiasedMfOptions"/>,
/// <see cref="SvdPlusPlusOptions"/>), named after Surprise's: the per-parameter rates and regularization terms
/// override <see cref="LearningRate"/> and <see cref="Regularization"/> when set, as <c>lr_bu</c> ... <c>reg_qi</c> do.
/// </summary>
public abstract record SgdFactorizationOptions : RecommenderOptions
{
    /// <summary>Latent factors per user and item.</summary>
    public int Factors { get; init; } = 100;

    /// <summary>Passes over the training ratings.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>SGD step size γ for every parameter (Surprise's <c>lr_all</c>).</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>L2 regularization λ for every parameter (Surprise's <c>reg_all</c>).</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>Step size for user biases (<c>lr_bu</c>); null means <see cref="LearningRate"/>.</summary>
    public float? UserBiasLearningRate { get; init; }

    /// <summary>Step size for item biases (<c>lr_bi</c>); null means <see cref="LearningRate"/>.</summary>
    public float? ItemBiasLearningRate { get; init; }

    /// <summary>Step size for user factors (<c>lr_pu</c>); null means <see cref="LearningRate"/>.</summary>
    public float? UserFactorLearningRate { get; init; }

    /// <summary>Step size for item factors (<c>lr_qi</c>); null means <see cref="LearningRate"/>.</summary>
    public float? ItemFactorLearningRate { get; init; }

    /// <summary>Regularization of user biases (<c>reg_bu</c>); null means <see cref="Regularization"/>.</summary>
    public float? UserBiasRegularization { get; init; }

    /// <summary>Regularization of item biases (<c>reg_bi</c>); null means <see cref="Regularization"/>.</summary>
    public float? ItemBiasRegularization { get; init; }

    /// <summary>Regularization of user factors (<c>reg_pu</c>); null means <see cref="Regularization"/>.</summary>
    public float? UserFactorRegularization { get; init; }

    /// <summary>Regularization of item factors (<c>reg_qi</c>); null means <see cref="Regularization"/>.</summary>
    public float? ItemFactorRegularization { get; init; }

    /// <summary>Mean of the normal distribution the factors start from.</summary>
    public float InitMean { get; init; }

    /// <summary>Standard deviation of the normal distribution the factors start from.</summary>
    public float InitStdDev { get; init; } = 0.1f;

    /// <summary>The effective rate and penalty of every parameter kind.</summary>
    internal SgdRates Rates(bool biased = true) => new(
        UserBiasLearningRate ?? LearningRate, ItemBiasLearningRate ?? LearningRate,
        UserFactorLearningRate ?? LearningRate, ItemFactorLearningRate ?? LearningRate,
        UserBiasRegularization ?? Regularization, ItemBiasRegularization ?? Regularization,
        UserFactorRegularization ?? Regularization, ItemFactorRegularization ?? Regularization,
        biased);

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        FactorCount(nameof(Factors), Factors)
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(SgdOptionChecks.Positive((nameof(LearningRate), LearningRate), (nameof(UserBiasLearningRate), UserBiasLearningRate),
                (nameof(ItemBiasLearningRate), ItemBiasLearningRate), (nameof(UserFactorLearningRate), UserFactorLearningRate),
                (nameof(ItemFactorLearningRate), ItemFactorLearningRate)))
            .Concat(SgdOptionChecks.NonNegative((nameof(Regularization), Regularization), (nameof(UserBiasRegularization), UserBiasRegularization),
                (nameof(ItemBiasRegularization), ItemBiasRegularization), (nameof(UserFactorRegularization), UserFactorRegularization),
                (nameof(ItemFactorRegularization), ItemFactorRegularization), (nameof(InitStdDev), InitStdDev)));
}
