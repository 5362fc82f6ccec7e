namespace RecLab.Simulation.Policies;

/// <summary>One user's ranked candidates under one fitted model: the best items first, the user's training history left out.</summary>
/// <param name="Items">Items, best first (ties to the lower index).</param>
/// <param name="Scores">Their scores.</param>
/// <param name="Complete">True when every item the model can score is listed (deepening would add nothing).</param>
/// <param name="SponsoredOrder">The campaign's items ordered by score for this user (empty without a campaign).</param>
internal sealed record CandidateList(int[] Items, float[] Scores, bool Complete, int[] SponsoredOrder)
{
    /// <summary>A deeper ranking from the same scores, kept so that deepening this one needs no second scoring pass.</summary>
    public CandidateList? Deeper { get; init; }

    /// <summary>
    /// The list a ranking <paramref name="depth"/> deep would be, cut from this one (for a catalogue of
    /// <paramref name="itemCount"/> items); null when this one is too short and not complete.
    /// </summary>
    public CandidateList? Prefix(int depth, int itemCount)
    {
        // Already that list: no copy (a deepening step cuts the reserve at its full length).
        if (Items.Length == depth && Deeper is null && Complete == (depth == itemCount))
            return this;
        if (Items.Length >= depth)
            return new CandidateList(Items[..depth], Scores[..depth], depth == itemCount, SponsoredOrder) { Deeper = Items.Length > depth ? this : null };
        return Complete ? this : null;
    }
}
