namespace RecLab.Recommenders.Baselines;

/// <summary>
/// The same list for everyone: items by training popularity (count of interactions), or by mean value damped
/// towards the global mean. The baseline that exposes how much a model personalises.
/// </summary>
public sealed class MostPopular(MostPopularOptions options) : Recommender<MostPopularOptions>(options), IUserIndependentScorer
{
    private float[] _popularity = [];

    /// <summary>Creates it with default options.</summary>
    public MostPopular() : this(new MostPopularOptions()) { }

    /// <inheritdoc/>
    public override string Name => "most-popular";

    /// <summary>The popularity of every item as fitted (count, or damped mean).</summary>
    public ReadOnlySpan<float> Popularity => _popularity;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        _popularity = ItemPopularity.Compute(data, ItemPopularity.AllUsers(data), Options.Measure, Options.Damping, ValueMean.Of(data.ValueColumn));
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => _popularity.CopyTo(scores);

    /// <inheritdoc/>
    public void ScoreEveryone(Span<float> scores)
    {
        var n = Train.ItemCount;
        if (scores.Length != n)
            throw new ArgumentException($"The score buffer has {scores.Length} slots; {Name} scores {n} items.", nameof(scores));
        _popularity.CopyTo(scores);
    }
}
