namespace RecLab.Simulation.Policies;

/// <summary>
/// One user's ranked candidates under one fitted model: the best items first (ties to the lower index), the user's
/// training history left out. A shorter list cut from a deeper one shares its arrays, so a ranking kept with a deeper
/// reserve behind it costs the reserve's memory only; the lists of users ranked together share their block's arrays
/// (each its own stretch), which saves copying them out, and a block's arrays stay alive until the last of its users'
/// lists is dropped (so callers group users who are forgotten together).
/// </summary>
internal sealed class CandidateList
{
    private readonly int[] _items;
    private readonly float[] _scores;
    private readonly int _start;

    /// <param name="items">Items, best first; the <paramref name="count"/> from <paramref name="start"/> on are the list.</param>
    /// <param name="scores">Their scores at the same places, or empty when the policy does not need them (only diversity re-ranking reads them).</param>
    /// <param name="count">The list's length.</param>
    /// <param name="complete">True when every item the model can score is listed (deepening would add nothing).</param>
    /// <param name="sponsoredOrder">The campaign's items ordered by score for this user (empty without a campaign).</param>
    /// <param name="start">Where the list starts in <paramref name="items"/> (and <paramref name="scores"/>).</param>
    public CandidateList(int[] items, float[] scores, int count, bool complete, int[] sponsoredOrder, int start = 0)
    {
        _items = items;
        _scores = scores;
        _start = start;
        Count = count;
        Complete = complete;
        SponsoredOrder = sponsoredOrder;
    }

    /// <summary>Items, best first.</summary>
    public ReadOnlySpan<int> Items => _items.AsSpan(_start, Count);

    /// <summary>Their scores (empty when the policy keeps none).</summary>
    public ReadOnlySpan<float> Scores => _scores.Length == 0 ? [] : _scores.AsSpan(_start, Count);

    /// <summary>The number of items listed.</summary>
    public int Count { get; }

    /// <summary>True when every item the model can score is listed (deepening would add nothing).</summary>
    public bool Complete { get; }

    /// <summary>The campaign's items ordered by score for this user (empty without a campaign).</summary>
    public int[] SponsoredOrder { get; }

    /// <summary>A deeper ranking from the same model, kept so that deepening this one needs no second ranking pass.</summary>
    public CandidateList? Deeper { get; init; }

    /// <summary>The deepest list known for this user: this one or the end of its chain of <see cref="Deeper"/> ones.</summary>
    public CandidateList Deepest
    {
        get
        {
            var list = this;
            while (list.Deeper is { } deeper)
                list = deeper;
            return list;
        }
    }

    /// <summary>This list with <paramref name="deeper"/> kept behind it in place of any reserve it had.</summary>
    public CandidateList WithDeeper(CandidateList deeper) => new(_items, _scores, Count, Complete, SponsoredOrder, _start) { Deeper = deeper };

    /// <summary>
    /// The list a ranking <paramref name="depth"/> deep would be, cut from this one (for a catalogue of
    /// <paramref name="itemCount"/> items); null when this one is too short and not complete.
    /// </summary>
    public CandidateList? Prefix(int depth, int itemCount)
    {
        // Already that list: no new object (a deepening step reaches the reserve at its full length).
        if (Count == depth && Complete == (depth == itemCount))
            return this;
        if (Count >= depth)
            return new CandidateList(_items, _scores, depth, depth == itemCount, SponsoredOrder, _start) { Deeper = Count > depth || Complete ? this : Deeper };
        return Complete ? this : null;
    }
}
