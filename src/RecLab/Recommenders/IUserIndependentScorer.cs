namespace RecLab.Recommenders;

/// <summary>
/// A recommender whose scores are the same for every user (popularity): a caller ranking a whole population sorts the
/// catalogue once and cuts each user's list from that order, skipping the user's history, instead of scoring and
/// selecting over every item for every user. The lists equal <see cref="Ranking.TopInto"/> on each user's scores.
/// </summary>
public interface IUserIndependentScorer
{
    /// <summary>Writes the score every user gets for each item (NaN = never recommended); one slot per item.</summary>
    /// <exception cref="ArgumentException">The buffer does not have one slot per item.</exception>
    void ScoreEveryone(Span<float> scores);
}
