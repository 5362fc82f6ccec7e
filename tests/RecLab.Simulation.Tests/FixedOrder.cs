using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Simulation.Tests;

/// <summary>A recommender whose ranking is known by hand: item i scores −i, so lower indices rank first.</summary>
internal sealed class FixedOrder : IRecommender
{
    public string Name => "fixed-order";

    public FeedbackKinds Accepts => FeedbackKinds.Any;

    public int ItemCount { get; private set; }

    public void Fit(TrainingSet train, FitContext context) => ItemCount = train.Interactions.ItemCount;

    public void Score(in UserQuery query, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = -i;
    }
}
