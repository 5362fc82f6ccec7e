using System.Buffers;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Recommenders.Learning;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// The two stages' shared part for one query: the generators' scores, the candidate set (the union of each generator's
/// top K unseen items) and the ranker's features of each candidate: per generator its per-query z-scored score and its
/// rank (K + 1 when it did not propose the item), then item popularity (training users), item age (days since
/// publication, or since its first interaction), user activity (history length), content similarity (cosine of the
/// item's TF-IDF profile with the history's), whether the user follows the item's creator and that creator's audience
/// (where the world has a follow graph), and the share of the history made by that creator.
/// </summary>
internal sealed class RankingFeatures
{
    private const double Day = 86_400;

    private readonly IRecommender[] _generators;
    private readonly int _k;
    private readonly int[] _popularity;
    private readonly float[] _ageDays;
    private readonly CsrMatrix? _profiles;
    private readonly CreatorLinks _creators;

    public RankingFeatures(IRecommender[] generators, int candidates, TrainingSet train)
    {
        _generators = generators;
        _k = candidates;
        var data = train.Interactions;
        _popularity = new int[data.ItemCount];
        for (var i = 0; i < _popularity.Length; i++)
            _popularity[i] = data.ByItem.RowLength(i);
        _creators = CreatorLinks.Of(train);
        _ageDays = new float[data.ItemCount];
        var latest = data.HasTimestamps && data.Count > 0 ? data.TimestampColumn().Max() : 0;
        var first = new long[data.ItemCount];
        Array.Fill(first, long.MaxValue);
        if (data.HasTimestamps)
            for (var r = 0; r < data.Count; r++)
                first[data.ItemColumn[r]] = Math.Min(first[data.ItemColumn[r]], data.TimestampAt(r));
        for (var i = 0; i < _ageDays.Length; i++)
        {
            var born = _creators.Published(i) ?? (first[i] == long.MaxValue ? (long?)null : first[i]);
            _ageDays[i] = born is { } b && data.HasTimestamps ? (float)((latest - b) / Day) : -1;
        }
        _profiles = train.ItemFeatures?.TfIdf(normalize: true).Matrix;
    }

    /// <summary>Features per candidate.</summary>
    public int Count => 2 * _generators.Length + 7;

    /// <summary>Names of the features, in order.</summary>
    public IEnumerable<string> Names =>
        _generators.SelectMany(g => new[] { $"{g.Name}-score", $"{g.Name}-rank" })
            .Concat(["item-popularity", "item-age-days", "user-activity", "content-similarity", "follows-creator", "creator-followers", "history-creator-share"]);

    /// <summary>
    /// The candidates of <paramref name="query"/> (ascending item indices) and their features (row-major, <see cref="Count"/>
    /// per candidate).
    /// </summary>
    public (int[] Candidates, float[] Features) For(in UserQuery query)
    {
        var n = _popularity.Length;
        var g = _generators.Length;
        var scores = ArrayPool<float>.Shared.Rent(n * g);
        var ranks = ArrayPool<int>.Shared.Rent(n * g);
        var top = ArrayPool<int>.Shared.Rent(_k);
        var topScores = ArrayPool<float>.Shared.Rent(_k);
        try
        {
            var history = query.History.Span;
            var candidates = new SortedSet<int>();
            for (var k = 0; k < g; k++)
            {
                var row = scores.AsSpan(k * n, n);
                _generators[k].Score(query, row);
                Ranking.Mask(row, history);
                var rank = ranks.AsSpan(k * n, n);
                rank.Fill(_k + 1);
                var found = TopN.Select(row, top.AsSpan(0, _k), topScores.AsSpan(0, _k));
                for (var r = 0; r < found; r++)
                {
                    rank[top[r]] = r + 1;
                    candidates.Add(top[r]);
                }
                ScoreBlend.Normalize(row, ScoreNormalization.ZScore);
            }
            var items = candidates.ToArray();
            var features = new float[items.Length * Count];
            var profile = Profile(history);
            var creatorShare = CreatorCounts(history);
            for (var c = 0; c < items.Length; c++)
            {
                var i = items[c];
                var f = features.AsSpan(c * Count, Count);
                for (var k = 0; k < g; k++)
                {
                    var s = scores[k * n + i];
                    f[2 * k] = float.IsNaN(s) ? 0 : s;
                    f[2 * k + 1] = ranks[k * n + i];
                }
                var at = 2 * g;
                f[at++] = MathF.Log(1 + _popularity[i]);
                f[at++] = _ageDays[i];
                f[at++] = MathF.Log(1 + history.Length);
                f[at++] = Similarity(profile, i);
                f[at++] = _creators.Follows(query.User, i) ? 1 : 0;
                f[at++] = MathF.Log(1 + _creators.Followers(i));
                var creator = _creators.CreatorOf(i);
                f[at] = creator >= 0 && history.Length > 0 ? (float)creatorShare.GetValueOrDefault(creator) / history.Length : 0;
            }
            return (items, features);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(ranks);
            ArrayPool<int>.Shared.Return(top);
            ArrayPool<float>.Shared.Return(topScores);
        }
    }

    /// <summary>The history's content profile: the sum of its items' TF-IDF rows, as (feature, weight), and its norm.</summary>
    private (Dictionary<int, float> Weights, float Norm) Profile(ReadOnlySpan<int> history)
    {
        var weights = new Dictionary<int, float>();
        if (_profiles is null)
            return (weights, 0);
        foreach (var item in history)
        {
            var fi = _profiles.RowIndices(item);
            var fv = _profiles.RowValues(item);
            for (var k = 0; k < fi.Length; k++)
                weights[fi[k]] = weights.GetValueOrDefault(fi[k]) + fv[k];
        }
        var squares = 0.0;
        foreach (var w in weights.Values)
            squares += w * w;
        return (weights, (float)Math.Sqrt(squares));
    }

    private float Similarity((Dictionary<int, float> Weights, float Norm) profile, int item)
    {
        if (_profiles is null || profile.Norm == 0)
            return 0;
        var fi = _profiles.RowIndices(item);
        var fv = _profiles.RowValues(item);
        var dot = 0f;
        for (var k = 0; k < fi.Length; k++)
            dot += fv[k] * profile.Weights.GetValueOrDefault(fi[k]);
        return dot / profile.Norm;
    }

    private Dictionary<int, int> CreatorCounts(ReadOnlySpan<int> history)
    {
        var counts = new Dictionary<int, int>();
        if (_creators.Count == 0)
            return counts;
        foreach (var item in history)
            if (_creators.CreatorOf(item) is var c and >= 0)
                counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }
}
