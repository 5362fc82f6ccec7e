using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>
/// Base class for rating predictors (Surprise's <c>estimate(u, i)</c>): write <see cref="Estimate"/>; predictions are
/// clamped to the training scale, and scoring for top-N calls it for every item unless overridden with something faster.
/// </summary>
/// <typeparam name="TOptions">The algorithm's hyper-parameters.</typeparam>
public abstract class RatingPredictor<TOptions> : Recommender<TOptions>, IRatingPredictor where TOptions : RecommenderOptions
{
    /// <summary>Validates and keeps the options.</summary>
    protected RatingPredictor(TOptions options) : base(options) { }

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Explicit;

    /// <inheritdoc/>
    public float Predict(int user, int item)
    {
        var estimate = Estimate(user, item);
        return Train.Interactions.Scale is { } scale ? scale.Clamp(estimate) : estimate;
    }

    /// <summary>The raw estimate (unclamped); unknown users (-1 or without training data) and items must get a fallback, not NaN.</summary>
    protected abstract float Estimate(int user, int item);

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Estimate(query.User, i);
    }
}
