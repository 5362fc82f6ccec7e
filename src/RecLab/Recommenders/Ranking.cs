using System.Buffers;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders;

/// <summary>
/// Top-N from scores, shared by every recommender: score all items, remove the excluded ones (by default the
/// query's history, i.e. the user's training items), keep the N best with a bounded heap.
/// Ties go to the lower item index; NaN scores are never recommended, so a list can be shorter than N.
/// </summary>
public static class Ranking
{
    /// <summary>The top <paramref name="n"/> items for a query.</summary>
    /// <param name="model">A fitted recommender.</param>
    /// <param name="query">Whom to recommend for.</param>
    /// <param name="n">List length.</param>
    /// <param name="excludeHistory">Remove the query's history items (the default: recommend only unseen items).</param>
    /// <param name="exclude">More items to remove.</param>
    public static ScoredItem[] Recommend(this IRecommender model, in UserQuery query, int n, bool excludeHistory = true, ReadOnlySpan<int> exclude = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var itemCount = model.ItemCount;
        if (itemCount == 0)
            throw new InvalidOperationException($"{model.Name} is not fitted; call Fit first.");
        var scores = ArrayPool<float>.Shared.Rent(itemCount);
        var items = new int[Math.Min(n, itemCount)];
        var top = new float[items.Length];
        try
        {
            var count = RecommendInto(model, query, scores.AsSpan(0, itemCount), items, top, excludeHistory, exclude);
            var result = new ScoredItem[count];
            for (var k = 0; k < count; k++)
                result[k] = new ScoredItem(items[k], top[k]);
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Allocation-free top-N for evaluation loops: scores into <paramref name="scoreBuffer"/> (one slot per item),
    /// writes up to <c>items.Length</c> items best first, returns how many.
    /// </summary>
    public static int RecommendInto(IRecommender model, in UserQuery query, Span<float> scoreBuffer, Span<int> items, Span<float> topScores,
        bool excludeHistory = true, ReadOnlySpan<int> exclude = default)
    {
        model.Score(query, scoreBuffer);
        if (excludeHistory)
            Mask(scoreBuffer, query.History.Span);
        Mask(scoreBuffer, exclude);
        return TopN.Select(scoreBuffer, items, topScores);
    }

    /// <summary>
    /// The top of scores computed elsewhere (by <see cref="IBlockScorer"/>, say): masks <paramref name="history"/> in
    /// <paramref name="scores"/>, writes up to <c>items.Length</c> best items best first, returns how many; the same
    /// as <see cref="RecommendInto"/> on the same scores.
    /// </summary>
    public static int TopInto(Span<float> scores, ReadOnlySpan<int> history, Span<int> items, Span<float> topScores)
    {
        Mask(scores, history);
        return TopN.Select(scores, items, topScores);
    }

    /// <summary>Sets the scores of the given items to NaN so they are never ranked.</summary>
    public static void Mask(Span<float> scores, ReadOnlySpan<int> items)
    {
        foreach (var item in items)
            if ((uint)item < (uint)scores.Length)
                scores[item] = float.NaN;
    }
}
