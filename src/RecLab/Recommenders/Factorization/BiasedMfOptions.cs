namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Options of <see cref="BiasedMf"/>, with Surprise's SVD defaults (<c>n_factors=100, n_epochs=20, lr_all=0.005,
/// reg_all=0.02, init_mean=0, init_std_dev=0.1, biased=True</c>). The per-parameter rates and regularization terms
/// override <see cref="LearningRate"/> and <see cref="Regularization"/> when set, as Surprise's <c>lr_bu</c> ... <c>reg_qi</c> do.
/// </summary>
public sealed record BiasedMfOptions : RecommenderOptions
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

    /// <summary>Learn the global mean and biases (false: plain PMF, <c>r = p_u·q_i</c>).</summary>
    public bool Biased { get; init; } = true;

    /// <summary>Order of the ratings within an epoch (Surprise's user-by-user order by default).</summary>
    public SgdOrder Order { get; init; } = SgdOrder.UserBlocks;

    /// <summary>
    /// 1: sequential SGD, bit-exact by seed. B ≥ 2: parallel SGD over a B x B grid of user and item blocks (as LIBMF),
    /// deterministic for a given B whatever the number of threads; use at least the number of threads.
    /// </summary>
    public int Blocks { get; init; } = 1;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        AtLeast(nameof(Factors), Factors, 1)
            .Concat(AtLeast(nameof(Epochs), Epochs, 1))
            .Concat(SgdOptionChecks.Positive((nameof(LearningRate), LearningRate), (nameof(UserBiasLearningRate), UserBiasLearningRate),
                (nameof(ItemBiasLearningRate), ItemBiasLearningRate), (nameof(UserFactorLearningRate), UserFactorLearningRate),
                (nameof(ItemFactorLearningRate), ItemFactorLearningRate)))
            .Concat(SgdOptionChecks.NonNegative((nameof(Regularization), Regularization), (nameof(UserBiasRegularization), UserBiasRegularization),
                (nameof(ItemBiasRegularization), ItemBiasRegularization), (nameof(UserFactorRegularization), UserFactorRegularization),
                (nameof(ItemFactorRegularization), ItemFactorRegularization), (nameof(InitStdDev), InitStdDev)))
            .Concat(Between(nameof(Blocks), Blocks, 1, 256));
}
