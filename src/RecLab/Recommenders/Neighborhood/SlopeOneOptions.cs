namespace RecLab.Recommenders.Neighborhood;

/// <summary>Options of <see cref="SlopeOne"/>.</summary>
public sealed record SlopeOneOptions : RecommenderOptions
{
    /// <summary>
    /// False (default): Surprise's <c>SlopeOne</c>, <c>mu_u + mean_j dev(i, j)</c>. True: Lemire and Maclachlan's weighted
    /// Slope One, <c>sum_j (dev(i, j) + r_uj) c_ij / sum_j c_ij</c> with <c>c_ij</c> the number of users who rated both.
    /// </summary>
    public bool Weighted { get; init; }
}
