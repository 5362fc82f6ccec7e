namespace RecLab.Splitting;

/// <summary>Where a <see cref="TemporalSplit"/> cuts time: at an instant, or at a train fraction.</summary>
public sealed record TemporalSplitOptions
{
    /// <summary>The share before the cut (train), in (0, 1); default 0.8. Ignored when <see cref="Cut"/> is set.</summary>
    public double TrainFraction { get; init; } = 0.8;

    /// <summary>Whether <see cref="TrainFraction"/> counts interactions (default) or spans the time range.</summary>
    public TemporalBasis Basis { get; init; } = TemporalBasis.Interactions;

    /// <summary>
    /// A fixed instant: interactions strictly before it are train, the others test. Timestamps are compared as unix
    /// seconds (as MovieLens stores them). When set, it takes precedence over <see cref="TrainFraction"/>.
    /// </summary>
    public DateTimeOffset? Cut { get; init; }
}
