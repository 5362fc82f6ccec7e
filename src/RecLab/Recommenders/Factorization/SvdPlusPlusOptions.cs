namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Options of <see cref="SvdPlusPlus"/>, with Surprise's SVDpp defaults (<c>n_factors=20, n_epochs=20, lr_all=0.007,
/// reg_all=0.02, init_mean=0, init_std_dev=0.1</c>), plus the rate and penalty of the implicit factors y_j.
/// </summary>
public sealed record SvdPlusPlusOptions : SgdFactorizationOptions
{
    /// <summary>Surprise's SVDpp defaults.</summary>
    public SvdPlusPlusOptions()
    {
        Factors = 20;
        LearningRate = 0.007f;
    }

    /// <summary>Step size for the implicit item factors y_j (<c>lr_yj</c>); null means <see cref="SgdFactorizationOptions.LearningRate"/>.</summary>
    public float? ImplicitFactorLearningRate { get; init; }

    /// <summary>Regularization of the implicit item factors y_j (<c>reg_yj</c>); null means <see cref="SgdFactorizationOptions.Regularization"/>.</summary>
    public float? ImplicitFactorRegularization { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        base.Validate()
            .Concat(SgdOptionChecks.Positive((nameof(ImplicitFactorLearningRate), ImplicitFactorLearningRate)))
            .Concat(SgdOptionChecks.NonNegative((nameof(ImplicitFactorRegularization), ImplicitFactorRegularization)));
}
