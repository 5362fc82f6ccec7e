namespace RecLab.Data.Synthetic;

/// <summary>Who follows whom: a users x creators graph, drawn by topic interest with preferential attachment.</summary>
public sealed class FollowGraph
{
    internal FollowGraph(CsrMatrix byUser)
    {
        ByUser = byUser;
        ByCreator = byUser.Transpose();
    }

    /// <summary>Users x creators (value 1 per edge), creator indices ascending in each row.</summary>
    public CsrMatrix ByUser { get; }

    /// <summary>Creators x users, user indices ascending in each row.</summary>
    public CsrMatrix ByCreator { get; }

    /// <summary>Number of follow edges.</summary>
    public int EdgeCount => ByUser.NonZeroCount;

    /// <summary>The creators a user follows, ascending.</summary>
    public ReadOnlySpan<int> CreatorsFollowedBy(int user) => ByUser.RowIndices(user);

    /// <summary>The users following a creator, ascending.</summary>
    public ReadOnlySpan<int> FollowersOf(int creator) => ByCreator.RowIndices(creator);

    /// <summary>True when <paramref name="user"/> follows <paramref name="creator"/>.</summary>
    public bool Follows(int user, int creator) => CreatorsFollowedBy(user).BinarySearch(creator) >= 0;
}
