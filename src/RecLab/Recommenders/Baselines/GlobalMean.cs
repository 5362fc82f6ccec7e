namespace RecLab.Recommenders.Baselines;

/// <summary>Predicts the mean training rating for every pair: the floor of rating prediction.</summary>
public sealed class GlobalMean(NoOptions options) : RatingPredictor<NoOptions>(options)
{
    /// <summary>Creates it (it has no options).</summary>
    public GlobalMean() : this(new NoOptions()) { }

    /// <inheritdoc/>
    public override string Name => "global-mean";

    /// <summary>The fitted mean.</summary>
    public float Mean => TrainingMean;

    /// <inheritdoc/>
    protected override float Estimate(int user, int item) => TrainingMean;

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => scores.Fill(TrainingMean);
}
