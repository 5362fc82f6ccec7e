namespace RecLab.Simulation.Policies;

/// <summary>
/// How a policy turns a recommender's ranking into the slate of one session: its length, what is never repeated, a
/// daily frequency cap per creator, epsilon exploration, MMR diversity re-ranking on item features.
/// </summary>
public sealed record SlateOptions
{
    /// <summary>Most items in a session's slate; the user scrolls through at most this many (and at most their attention budget).</summary>
    public int Size { get; init; } = 50;

    /// <summary>Items never shown again to the same user.</summary>
    public SeenItems Exclude { get; init; } = SeenItems.Shown;

    /// <summary>Most impressions of one creator's items per user and day; null for no cap.</summary>
    public int? CreatorCapPerDay { get; init; }

    /// <summary>Probability that a slot shows a uniformly random catalogue item instead of the next ranked one.</summary>
    public double Epsilon { get; init; }

    /// <summary>
    /// MMR trade-off λ in <c>λ·relevance − (1 − λ)·max similarity to the items already placed</c>; 1 (the default) turns
    /// diversity re-ranking off, 0 ranks by dissimilarity alone.
    /// </summary>
    public double DiversityLambda { get; init; } = 1.0;

    /// <summary>Item feature fields whose cosine similarity MMR penalizes (<c>topic</c>, <c>creator</c>, <c>token</c>, <c>kind</c>, <c>price</c>).</summary>
    public IReadOnlyList<string> DiversityFields { get; init; } = ["topic", "creator"];

    /// <summary>MMR re-ranks the next this-many eligible candidates for every slot.</summary>
    public int DiversityPool { get; init; } = 30;

    /// <summary>Ranked candidates kept per user between retrainings (deepened on demand when a user exhausts them).</summary>
    public int CandidateDepth { get; init; } = 200;

    /// <summary>Checks ranges.</summary>
    /// <exception cref="ArgumentException">Every problem found.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Size < 1)
            problems.Add($"size must be at least 1 (got {Size})");
        if (CreatorCapPerDay is < 1)
            problems.Add($"creator cap per day must be at least 1 (got {CreatorCapPerDay})");
        if (!(Epsilon is >= 0 and <= 1))
            problems.Add($"epsilon must be in [0, 1] (got {Epsilon})");
        if (!(DiversityLambda is >= 0 and <= 1))
            problems.Add($"diversity lambda must be in [0, 1] (got {DiversityLambda})");
        if (DiversityPool < 1)
            problems.Add($"diversity pool must be at least 1 (got {DiversityPool})");
        if (CandidateDepth < 1)
            problems.Add($"candidate depth must be at least 1 (got {CandidateDepth})");
        if (DiversityLambda < 1 && DiversityFields.Count == 0)
            problems.Add("diversity re-ranking needs at least one item feature field");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid slate options: " + string.Join("; ", problems) + ".");
    }
}
