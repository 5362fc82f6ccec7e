namespace RecLab.Recommenders;

/// <summary>
/// A recommender that scores a block of known training users in one pass: a factor model reads its item factors once
/// per block instead of once per user, and that memory traffic is what bounds whole-population scoring (a simulated
/// A/B test ranks every user of a 200,000-item world). The scores equal <see cref="IRecommender.Score"/> on each
/// user's training query, bit for bit.
/// </summary>
public interface IBlockScorer
{
    /// <summary>
    /// Scores <paramref name="users"/> (training user indices) into consecutive rows of <paramref name="scores"/>
    /// (<c>users.Length × ItemCount</c>); false, with nothing written, when one of them is not a user it learned
    /// (score those one by one).
    /// </summary>
    /// <exception cref="ArgumentException">The buffer is not <c>users.Length × ItemCount</c> long.</exception>
    bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores);
}
