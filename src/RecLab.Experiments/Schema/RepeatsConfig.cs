namespace RecLab.Experiments.Schema;

/// <summary>
/// Repetitions of every (dataset, split) with different split and fit seeds. Written as a count (<c>repeats: 3</c>,
/// seeds derived from the experiment seed) or as explicit seeds (<c>repeats: [11, 12, 13]</c>).
/// </summary>
public sealed record RepeatsConfig
{
    /// <summary>Number of repeats (when no explicit seeds are given).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Explicit repeat seeds; null to derive <see cref="Count"/> seeds from the experiment seed.</summary>
    public IReadOnlyList<ulong>? Seeds { get; init; }

    /// <summary>The repeat seeds, explicit or derived from <paramref name="experimentSeed"/>.</summary>
    public IReadOnlyList<ulong> Resolve(ulong experimentSeed)
    {
        if (Seeds is not null)
            return Seeds;
        var seeds = new ulong[Count];
        for (var r = 0; r < Count; r++)
            seeds[r] = Randomness.Seeds.Derive(experimentSeed, Randomness.Seeds.Hash("repeat"), (ulong)r);
        return seeds;
    }
}
