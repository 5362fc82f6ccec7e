using RecLab.Randomness;

namespace RecLab.Recommenders.Baselines;

/// <summary>
/// Random scores: for a user, a permutation drawn from the fit seed and the user index, so the same user gets
/// the same list every time (and from every thread) and the floor of every ranking metric is measurable.
/// </summary>
public sealed class RandomRecommender(RandomOptions options) : Recommender<RandomOptions>(options)
{
    private ulong _seed;

    /// <inheritdoc/>
    public override string Name => "random";

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context) => _seed = context.Seed;

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var rng = Seeds.Stream(_seed, (ulong)(query.User + 1));
        for (var i = 0; i < scores.Length; i++)
            scores[i] = rng.NextFloat();
    }
}
