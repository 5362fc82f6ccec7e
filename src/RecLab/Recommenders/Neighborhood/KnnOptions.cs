namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Hyper-parameters shared by <see cref="UserKnn"/> and <see cref="ItemKnn"/>; defaults are Surprise's
/// (<c>k=40</c>, <c>min_k=1</c>, MSD, <c>min_support=1</c>, baselines by ALS with <c>reg_u=15</c>, <c>reg_i=10</c>, 10 epochs).
/// </summary>
public abstract record KnnOptions : RecommenderOptions
{
    /// <summary>Most neighbours aggregated per prediction (<c>k</c>), chosen among those who rated the target.</summary>
    public int Neighbors { get; init; } = 40;

    /// <summary>Fewest neighbours with positive similarity for a neighbourhood estimate (<c>min_k</c>).</summary>
    public int MinNeighbors { get; init; } = 1;

    /// <summary>Fewest common ratings for a similarity to count; below it the similarity is 0 (<c>min_support</c>).</summary>
    public int MinSupport { get; init; } = 1;

    /// <summary>
    /// Shrinkage <c>lambda</c>: similarities are multiplied by <c>(n - 1) / (n - 1 + lambda)</c> for support <c>n</c>.
    /// Null: 100 for <see cref="Neighborhood.Similarity.PearsonBaseline"/>, none otherwise (as Surprise).
    /// </summary>
    public float? Shrinkage { get; init; }

    /// <summary>The similarity measure.</summary>
    public Similarity Similarity { get; init; } = Similarity.Msd;

    /// <summary>Aggregation: plain weighted mean, mean-centred or baseline-centred.</summary>
    public KnnPrediction Prediction { get; init; } = KnnPrediction.Basic;

    /// <summary>
    /// With fewer than <see cref="MinNeighbors"/> neighbours, predict the aggregation's base (global mean, row mean or
    /// baseline, as Surprise does); false leaves the pair unscored (NaN), as LensKit's kNN does, so such an item is
    /// never recommended.
    /// </summary>
    public bool Fallback { get; init; } = true;

    /// <summary>ALS epochs of the baselines (used by the baseline prediction and the PearsonBaseline similarity).</summary>
    public int BaselineEpochs { get; init; } = 10;

    /// <summary>ALS user regularization of the baselines.</summary>
    public float BaselineUserRegularization { get; init; } = 15f;

    /// <summary>ALS item regularization of the baselines.</summary>
    public float BaselineItemRegularization { get; init; } = 10f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        AtLeast(nameof(Neighbors), Neighbors, 1)
        .Concat(AtLeast(nameof(MinNeighbors), MinNeighbors, 0))
        .Concat(AtLeast(nameof(MinSupport), MinSupport, 1))
        .Concat(Shrinkage is { } s ? AtLeast(nameof(Shrinkage), s, 0) : [])
        .Concat(AtLeast(nameof(BaselineEpochs), BaselineEpochs, 1))
        .Concat(AtLeast(nameof(BaselineUserRegularization), BaselineUserRegularization, 0))
        .Concat(AtLeast(nameof(BaselineItemRegularization), BaselineItemRegularization, 0));
}
