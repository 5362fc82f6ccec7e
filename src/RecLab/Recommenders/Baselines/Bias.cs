namespace RecLab.Recommenders.Baselines;

/// <summary>
/// The user+item bias baseline <c>r_ui = mu + b_u + b_i</c> (Surprise's <c>BaselineOnly</c>, LensKit's <c>Bias</c>);
/// an unknown user or item contributes a bias of 0.
/// </summary>
public sealed class Bias(BiasOptions options) : RatingPredictor<BiasOptions>(options)
{
    private Biases _biases = new(0, [], []);

    /// <summary>Creates it with default options.</summary>
    public Bias() : this(new BiasOptions()) { }

    /// <inheritdoc/>
    public override string Name => "bias";

    /// <summary>Global mean <c>mu</c> of the training ratings.</summary>
    public double GlobalMean => _biases.Mean;

    /// <summary>Fitted user biases <c>b_u</c>.</summary>
    public ReadOnlySpan<double> UserBiases => _biases.User;

    /// <summary>Fitted item biases <c>b_i</c>.</summary>
    public ReadOnlySpan<double> ItemBiases => _biases.Item;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var ct = context.CancellationToken;
        _biases = o.Method switch
        {
            BiasMethod.Als => BiasFitter.Als(train.Interactions, o.Epochs ?? 10, o.UserRegularization, o.ItemRegularization, ct),
            BiasMethod.Sgd => BiasFitter.Sgd(train.Interactions, o.Epochs ?? 20, o.Regularization, o.LearningRate, ct),
            _ => BiasFitter.Als(train.Interactions, o.Epochs ?? 1, o.UserDamping, o.ItemDamping, ct),
        };
    }

    /// <inheritdoc/>
    protected override float Estimate(int user, int item) => (float)_biases.Of(user, item);

    /// <inheritdoc/>
    /// <remarks>The model's own estimate: μ plus the biases (and factors) it has, as Surprise's algorithms answer an unknown user or item.</remarks>
    protected override float DefaultEstimate(int user, int item) => Estimate(user, item);
}
