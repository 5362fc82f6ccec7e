namespace RecLab.Recommenders.Baselines;

/// <summary>
/// The same list for everyone: items by training popularity (count of interactions), or by mean value damped
/// towards the global mean. The baseline that exposes how much a model personalises.
/// </summary>
public sealed class MostPopular(MostPopularOptions options) : Recommender<MostPopularOptions>(options)
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
        var byItem = train.Interactions.ByItem;
        var popularity = new float[train.ItemCount];
        if (Options.Measure == PopularityMeasure.Count)
        {
            for (var i = 0; i < popularity.Length; i++)
                popularity[i] = byItem.RowLength(i);
        }
        else
        {
            var values = train.Interactions.ValueColumn;
            double total = 0;
            foreach (var v in values)
                total += v;
            var mu = values.Length == 0 ? 0f : (float)(total / values.Length);
            for (var i = 0; i < popularity.Length; i++)
            {
                var row = byItem.RowValues(i);
                var sum = 0f;
                foreach (var v in row)
                    sum += v;
                popularity[i] = (sum + Options.Damping * mu) / (row.Length + Options.Damping);
            }
        }
        _popularity = popularity;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => _popularity.CopyTo(scores);
}
