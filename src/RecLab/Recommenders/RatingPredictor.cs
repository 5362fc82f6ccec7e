using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>
/// Base class for rating predictors (Surprise's <c>estimate(u, i)</c>): write <see cref="Estimate"/> for a known user and
/// item; an unknown one gets <see cref="DefaultEstimate"/> (Surprise's <c>default_prediction()</c>, the training
/// ratings' global mean, unless the model has a better answer). Predictions are clamped to the training scale, and
/// scoring for top-N goes item by item unless overridden with something faster.
/// </summary>
/// <typeparam name="TOptions">The algorithm's hyper-parameters.</typeparam>
public abstract class RatingPredictor<TOptions> : Recommender<TOptions>, IRatingPredictor where TOptions : RecommenderOptions
{
    /// <summary>Validates and keeps the options.</summary>
    protected RatingPredictor(TOptions options) : base(options) { }

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Explicit;

    private float _globalMean;

    /// <summary>The mean of the training ratings (0 before a fit): what <see cref="DefaultEstimate"/> gives unless overridden.</summary>
    protected float TrainingMean => _globalMean;

    private protected sealed override void BeforeFit(TrainingSet train) =>
        _globalMean = (float)ValueMean.Of(train.Interactions.ValueColumn);

    /// <inheritdoc/>
    public float Predict(int user, int item)
    {
        var estimate = EstimateAny(user, item);
        return Train.Interactions.Scale is { } scale ? scale.Clamp(estimate) : estimate;
    }

    /// <summary>The raw estimate (unclamped) for a user and an item that both have training data.</summary>
    protected abstract float Estimate(int user, int item);

    /// <summary>
    /// The estimate for a pair <see cref="Estimate"/> cannot judge: the user (-1 or without training data) or the item
    /// is unknown. Surprise's <c>default_prediction()</c>, the global mean; models with biases answer with the biases they know.
    /// </summary>
    protected virtual float DefaultEstimate(int user, int item) => _globalMean;

    /// <summary>True when <paramref name="item"/> is an item index of the training data with at least one interaction.</summary>
    protected bool IsKnownItem(int item) => (uint)item < (uint)Train.ItemCount && Train.Interactions.ByItem.RowLength(item) > 0;

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = EstimateAny(query.User, i);
    }

    private float EstimateAny(int user, int item) =>
        IsKnownUser(user) && IsKnownItem(item) ? Estimate(user, item) : DefaultEstimate(user, item);
}
