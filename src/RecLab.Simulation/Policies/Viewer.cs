namespace RecLab.Simulation.Policies;

/// <summary>
/// What the slate builder remembers about one user across sessions and days: the items never to repeat and how far
/// into the current ranking every candidate is known to be excluded (so each slate resumes there instead of rescanning).
/// </summary>
internal sealed class Viewer
{
    public ItemSet Seen { get; } = new();

    /// <summary>The policy the cursors refer to; a retrained policy ranks anew and the cursors restart.</summary>
    public Policy? Policy { get; set; }

    /// <summary>Candidates before this index are all in <see cref="Seen"/>.</summary>
    public int Cursor { get; set; }

    /// <summary>Position in the backfill list, with the same meaning.</summary>
    public int BackfillCursor { get; set; }

    /// <summary>An exploration arm's order of today's candidates (empty otherwise), with each one's base-rank bucket and topic share.</summary>
    public List<int> ExploreItems { get; } = [];

    /// <summary>Base-rank bucket of each of <see cref="ExploreItems"/>.</summary>
    public List<byte> ExploreBuckets { get; } = [];

    /// <summary>The user's history share in the topic of each of <see cref="ExploreItems"/>.</summary>
    public List<float> ExploreShares { get; } = [];

    /// <summary>Entries of <see cref="ExploreItems"/> before this index are all seen.</summary>
    public int ExploreCursor { get; set; }
}
