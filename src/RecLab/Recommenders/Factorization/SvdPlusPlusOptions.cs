namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Options of <see cref="SvdPlusPlus"/>, with Surprise's SVDpp defaults (<c>n_factors=20, n_epochs=20, lr_all=0.007,
/// reg_all=0.02, init_mean=0, init_std_dev=0.1</c>). Per-parameter values override the shared ones when set.
/// </summary>
public sealed record SvdPlusPlusOptions : RecommenderOptions
{
    /// <summary>Latent factors per user and item.</summary>
    public int Factors { get; init; } = 20;

    /// <summary>Passes over the training ratings.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>SGD step size γ for every parameter (<c>lr_all</c>).</summary>
    public float LearningRate { get; init; } = 0.007f;

    /// <summary>L2 regularization λ for every parameter (<c>reg_all</c>).</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>Step size for user biases (<c>lr_bu</c>); null means <see cref="LearningRate"/>.</summary>
    public float? UserBiasLearningRate { get; init; }

    /// <summary>Step size for item biases (<c>lr_bi</c>); null means <see cref="LearningRate"/>.</summary>
    public float? ItemBiasLearningRate { get; init; }

    /// <summary>Step size for user factors (<c>lr_pu</c>); null means <see cref="LearningRate"/>.</summary>
    public float? UserFactorLearningRate { get; init; }

    /// <summary>Step size for item factors (<c>lr_qi</c>); null means <see cref="LearningRate"/>.</summary>
    public float? ItemFactorLearningRate { get; init; }

    /// <summary>Step size for the implicit item factors y_j (<c>lr_yj</c>); null means <see cref="LearningRate"/>.</summary>
    public float? ImplicitFactorLearningRate { get; init; }

    /// <summary>Regularization of user biases (<c>reg_bu</c>); null means <see cref="Regularization"/>.</summary>
    public float? UserBiasRegularization { get; init; }

    /// <summary>Regularization of item biases (<c>reg_bi</c>); null means <see cref="Regularization"/>.</summary>
    public float? ItemBiasRegularization { get; init; }

    /// <summary>Regularization of user factors (<c>reg_pu</c>); null means <see cref="Regularization"/>.</summary>
    public float? UserFactorRegularization { get; init; }

    /// <summary>Regularization of item factors (<c>reg_qi</c>); null means <see cref="Regularization"/>.</summary>
    public float? ItemFactorRegularization { get; init; }

    /// <summary>Regularization of the implicit item factors y_j (<c>reg_yj</c>); null means <see cref="Regularization"/>.</summary>
    public float? ImplicitFactorRegularization { get; init; }

    /// <summary>Mean of the normal distribution the factors start from.</summary>
    public float InitMean { get; init; }

    /// <summary>Standard deviation of the normal distribution the factors start from.</summary>
    public float InitStdDev { get; init; } = 0.1f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        AtLeast(nameof(Factors), Factors, 1)
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(SgdOptionChecks.Positive((nameof(LearningRate), LearningRate), (nameof(UserBiasLearningRate), UserBiasLearningRate),
                (nameof(ItemBiasLearningRate), ItemBiasLearningRate), (nameof(UserFactorLearningRate), UserFactorLearningRate),
                (nameof(ItemFactorLearningRate), ItemFactorLearningRate), (nameof(ImplicitFactorLearningRate), ImplicitFactorLearningRate)))
            .Concat(SgdOptionChecks.NonNegative((nameof(Regularization), Regularization), (nameof(UserBiasRegularization), UserBiasRegularization),
                (nameof(ItemBiasRegularization), ItemBiasRegularization), (nameof(UserFactorRegularization), UserFactorRegularization),
                (nameof(ItemFactorRegularization), ItemFactorRegularization), (nameof(ImplicitFactorRegularization), ImplicitFactorRegularization),
                (nameof(InitStdDev), InitStdDev)));
}
