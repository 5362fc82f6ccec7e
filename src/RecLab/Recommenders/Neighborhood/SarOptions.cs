namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Options of <see cref="Sar"/>, named after Microsoft Recommenders' <c>SARSingleNode</c> (its defaults:
/// <c>similarity_type="jaccard", time_decay_coefficient=30, timedecay_formula=False, threshold=1</c>).
/// </summary>
public sealed record SarOptions : RecommenderOptions
{
    /// <summary>Item-item similarity from the co-occurrence counts (<c>similarity_type</c>).</summary>
    public SarSimilarity Similarity { get; init; } = SarSimilarity.Jaccard;

    /// <summary>
    /// Decay each training interaction's weight by <c>min(1, 0.5^((t_now - t) / half-life))</c>, t_now the latest
    /// training timestamp (<c>timedecay_formula</c> with <c>time_now=None</c>); needs timestamps.
    /// </summary>
    public bool TimeDecay { get; init; }

    /// <summary>Days after which a weight is halved (<c>time_decay_coefficient</c>).</summary>
    public double HalfLifeDays { get; init; } = 30;

    /// <summary>Co-occurrence counts below this are dropped (<c>threshold</c>).</summary>
    public int Threshold { get; init; } = 1;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        AtLeast(nameof(Threshold), Threshold, 1)
        .Concat(HalfLifeDays > 0 ? [] : [new OptionError(nameof(HalfLifeDays), $"must be above 0 (got {HalfLifeDays})")]);
}
