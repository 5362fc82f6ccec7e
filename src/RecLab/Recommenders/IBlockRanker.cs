namespace RecLab.Recommenders;

/// <summary>
/// A recommender that ranks a block of known training users without scoring the whole catalogue for each: a factor
/// model visits its items in descending norm and stops for a user once no item left can beat the user's current
/// N-th best (Cauchy–Schwarz). The lists equal <see cref="Ranking.TopInto"/> on the scores of
/// <see cref="IBlockScorer.TryScoreUsers"/> (same items, same float scores, same order), so a caller may use either.
/// </summary>
public interface IBlockRanker
{
    /// <summary>
    /// Ranks <paramref name="users"/> (training user indices): user k's best items, best first (ties to the lower
    /// index, NaN never listed), leaving out <c>excluded[excludeStarts[k]..excludeStarts[k + 1]]</c> (ascending item
    /// indices, such as the user's training history), go to row k of <paramref name="items"/> and
    /// <paramref name="scores"/> (rows of <c>items.Length / users.Length</c>, the depth), and their number to
    /// <c>counts[k]</c>. False, with nothing written, when one of them is not a user it learned.
    /// </summary>
    /// <exception cref="ArgumentException">Buffers of mismatched lengths.</exception>
    bool TryRankUsers(ReadOnlySpan<int> users, ReadOnlySpan<int> excludeStarts, ReadOnlySpan<int> excluded,
        Span<int> items, Span<float> scores, Span<int> counts);
}
