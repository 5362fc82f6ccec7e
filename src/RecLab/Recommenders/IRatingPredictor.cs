namespace RecLab.Recommenders;

/// <summary>A recommender that also predicts explicit ratings on the training scale.</summary>
public interface IRatingPredictor : IRecommender
{
    /// <summary>
    /// The predicted rating of <paramref name="user"/> for <paramref name="item"/>, clamped to the training scale.
    /// Unknown users or items fall back to what the model knows (e.g. a bias or the global mean), never NaN.
    /// </summary>
    float Predict(int user, int item);
}
