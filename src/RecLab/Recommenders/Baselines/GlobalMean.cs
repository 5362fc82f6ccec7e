namespace RecLab.Recommenders.Baselines;

/// <summary>Predicts the mean training rating for every pair: the floor of rating prediction.</summary>
public sealed class GlobalMean(NoOptions options) : RatingPredictor<NoOptions>(options)
{
    private float _mean;

    /// <summary>Creates it (it has no options).</summary>
    public GlobalMean() : this(new NoOptions()) { }

    /// <inheritdoc/>
    public override string Name => "global-mean";

    /// <summary>The fitted mean.</summary>
    public float Mean => _mean;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context) =>
        _mean = (float)ValueMean.Of(train.Interactions.ValueColumn);

    /// <inheritdoc/>
    protected override float Estimate(int user, int item) => _mean;

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => scores.Fill(_mean);
}
