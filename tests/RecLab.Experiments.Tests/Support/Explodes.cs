using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Experiments.Tests.Support;

/// <summary>A recommender whose fit always throws: every cell of it fails.</summary>
public sealed class Explodes : Recommender<NoOptions>
{
    public Explodes() : base(new NoOptions()) { }

    public override string Name => "explodes";

    protected override void FitCore(TrainingSet train, FitContext context) => throw new InvalidOperationException("boom in fold");

    protected override void ScoreCore(in UserQuery query, Span<float> scores) => scores.Clear();
}
