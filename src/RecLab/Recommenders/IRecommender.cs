using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>
/// The contract every recommender implements: fit on training data, then score every item for a user.
/// Ranking (top-N, exclusion of seen items) is shared code: <see cref="Ranking"/>.
/// </summary>
/// <remarks>
/// After <see cref="Fit"/>, <see cref="Score"/> is called concurrently from many threads: it must not mutate
/// shared state (keep scratch buffers per call or per thread).
/// </remarks>
public interface IRecommender
{
    /// <summary>Registry name, e.g. <c>item-knn</c>.</summary>
    string Name { get; }

    /// <summary>The feedback kinds this algorithm can be fitted on.</summary>
    FeedbackKinds Accepts { get; }

    /// <summary>Number of items it scores (the training id space); 0 before <see cref="Fit"/>.</summary>
    int ItemCount { get; }

    /// <summary>Learns from <paramref name="train"/>; randomness from <see cref="FitContext.Seed"/> only.</summary>
    /// <exception cref="NotSupportedException">The training data's feedback kind is not accepted.</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    void Fit(TrainingSet train, FitContext context);

    /// <summary>
    /// Writes a score for every item (<paramref name="scores"/> has one slot per item of the training id space);
    /// higher is better; <see cref="float.NaN"/> means "cannot score this item". Scores are comparable within one
    /// query only. A query may carry a history the model never saw (a cold or onboarding user).
    /// </summary>
    void Score(in UserQuery query, Span<float> scores);
}
