namespace RecLab.Recommenders.Baselines;

/// <summary>Options of <see cref="MostPopular"/>.</summary>
public sealed record MostPopularOptions : RecommenderOptions
{
    /// <summary>Rank by interaction count (default) or by damped mean rating.</summary>
    public PopularityMeasure Measure { get; init; } = PopularityMeasure.Count;

    /// <summary>Pseudo-count of global-mean ratings added to every item for <see cref="PopularityMeasure.DampedMean"/>.</summary>
    public float Damping { get; init; } = 5f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() => AtLeast(nameof(Damping), Damping, 0);
}
