namespace RecLab.Recommenders.Baselines;

/// <summary>Options of <see cref="Bias"/>; defaults are Surprise's <c>BaselineOnly</c> defaults.</summary>
public sealed record BiasOptions : RecommenderOptions
{
    /// <summary>Fitting method.</summary>
    public BiasMethod Method { get; init; } = BiasMethod.Als;

    /// <summary>Passes over the data; null for the method's default (ALS 10, SGD 20, damped 1).</summary>
    public int? Epochs { get; init; }

    /// <summary>ALS user regularization <c>reg_u</c>.</summary>
    public float UserRegularization { get; init; } = 15f;

    /// <summary>ALS item regularization <c>reg_i</c>.</summary>
    public float ItemRegularization { get; init; } = 10f;

    /// <summary>SGD regularization <c>reg</c>.</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>SGD learning rate.</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>Damped method: pseudo-count of mean-valued ratings added to every user.</summary>
    public float UserDamping { get; init; } = 5f;

    /// <summary>Damped method: pseudo-count of mean-valued ratings added to every item.</summary>
    public float ItemDamping { get; init; } = 5f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        (Epochs is { } e ? AtLeast(nameof(Epochs), e, 1) : [])
        .Concat(AtLeast(nameof(UserRegularization), UserRegularization, 0))
        .Concat(AtLeast(nameof(ItemRegularization), ItemRegularization, 0))
        .Concat(AtLeast(nameof(Regularization), Regularization, 0))
        .Concat(Between(nameof(LearningRate), LearningRate, 0, 1))
        .Concat(AtLeast(nameof(UserDamping), UserDamping, 0))
        .Concat(AtLeast(nameof(ItemDamping), ItemDamping, 0));
}
