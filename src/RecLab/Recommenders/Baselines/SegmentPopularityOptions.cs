namespace RecLab.Recommenders.Baselines;

/// <summary>Options of <see cref="SegmentPopularity"/>.</summary>
public sealed record SegmentPopularityOptions : RecommenderOptions
{
    /// <summary>The user feature field whose categories are the segments (e.g. <c>age</c>, <c>gender</c>, <c>occupation</c>).</summary>
    public string Field { get; init; } = "age";

    /// <summary>Rank by interaction count within the segment (default) or by damped mean rating within it.</summary>
    public PopularityMeasure Measure { get; init; } = PopularityMeasure.Count;

    /// <summary>Pseudo-count of global-mean ratings added to every item for <see cref="PopularityMeasure.DampedMean"/>.</summary>
    public float Damping { get; init; } = 5f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        (string.IsNullOrWhiteSpace(Field) ? [new OptionError(nameof(Field), "must name a user feature field")] : Enumerable.Empty<OptionError>())
        .Concat(AtLeast(nameof(Damping), Damping, 0));
}
