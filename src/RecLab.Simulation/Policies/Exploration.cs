using System.Numerics;
using MathNet.Numerics.Distributions;
using RecLab.Data.Synthetic;
using RecLab.Randomness;
using RecLab.Recommenders.ColdStart;

namespace RecLab.Simulation.Policies;

/// <summary>
/// What an exploration arm (<see cref="BanditRanker"/>) has learnt from its own users, and how it orders a user's
/// candidates with it. The state is frozen during a simulated day (users are simulated in parallel, so nothing they do
/// can reach another user the same day) and learns from the day's impressions, in user order, at its end.
/// </summary>
/// <remarks>
/// Candidates are the base recommender's top <see cref="BanditRankerOptions.Candidates"/>, grouped by base rank into
/// buckets <c>⌊log₂(rank + 1)⌋</c>. Thompson and ε-greedy keep per-item clicks and impressions with a Beta prior of
/// <see cref="BanditRankerOptions.PriorStrength"/> impressions at the click rate the arm measured so far in the
/// candidate's bucket (an empirical-Bayes prior: with no data every candidate ties and the base order stands). LinUCB
/// regresses clicks on the bucket, the item's topic, whether it is a product, and the share of the user's history in
/// that topic, with a shared ridge model.
/// </remarks>
internal sealed class Exploration
{
    /// <summary>Base-rank buckets (the last holds every rank from 2⁷ − 1 on).</summary>
    public const int Buckets = 8;

    private readonly BanditKind _kind;
    private readonly BanditRankerOptions _options;
    private readonly World _world;
    private readonly int[] _views;
    private readonly int[] _clicks;
    private readonly long[] _bucketViews = new long[Buckets];
    private readonly long[] _bucketClicks = new long[Buckets];
    private readonly int _dimensions;
    private readonly double[] _gram;
    private readonly double[] _moment;
    private double[] _inverse;
    private double[] _theta;

    public Exploration(World world, BanditRanker ranker)
    {
        _world = world;
        _kind = ranker.Kind;
        _options = ranker.Options;
        _views = new int[world.Items.Count];
        _clicks = new int[world.Items.Count];
        _dimensions = Buckets + world.Topics.Count + 3;
        _gram = new double[_dimensions * _dimensions];
        for (var j = 0; j < _dimensions; j++)
            _gram[j * _dimensions + j] = _options.Ridge;
        _moment = new double[_dimensions];
        _inverse = Invert(_gram, _dimensions);
        _theta = new double[_dimensions];
    }

    /// <summary>ε of ε-greedy (0 for the other kinds): the slate builder's share of random candidates.</summary>
    public double Epsilon => _kind == BanditKind.EpsilonGreedy ? _options.Epsilon : 0;

    public static byte Bucket(int rank) => (byte)Math.Min(Buckets - 1, BitOperations.Log2((uint)rank + 1));

    /// <summary>
    /// Orders <paramref name="user"/>'s unseen candidates for today into <paramref name="viewer"/>'s explore lists, best first
    /// (ties keep the base order); Thompson's draws come from <paramref name="rng"/>.
    /// </summary>
    public void Order(Policy policy, int user, Viewer viewer, ref Rng rng)
    {
        var list = policy.Candidates(user, _options.Candidates);
        var items = viewer.ExploreItems;
        var buckets = viewer.ExploreBuckets;
        var shares = viewer.ExploreShares;
        items.Clear();
        buckets.Clear();
        shares.Clear();
        viewer.ExploreCursor = 0;
        var n = Math.Min(_options.Candidates, list.Items.Length);
        var topicShares = _kind == BanditKind.LinUcb ? HistoryTopicShares(policy, user) : null;
        var keys = new List<(double Score, int Rank)>(n);
        var random = _kind == BanditKind.Thompson ? new Random(unchecked((int)rng.NextUInt64())) : null;
        for (var rank = 0; rank < n; rank++)
        {
            var item = list.Items[rank];
            if (viewer.Seen.Contains(item))
                continue;
            var bucket = Bucket(rank);
            var share = topicShares is null ? 0f : topicShares[_world.Items.PrimaryTopic(item)];
            items.Add(item);
            buckets.Add(bucket);
            shares.Add(share);
            keys.Add((Score(item, bucket, share, random), rank));
        }
        // Best score first; equal scores keep the base order.
        var order = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(order, (a, b) => keys[a].Score != keys[b].Score ? keys[b].Score.CompareTo(keys[a].Score) : keys[a].Rank.CompareTo(keys[b].Rank));
        Permute(items, order);
        Permute(buckets, order);
        Permute(shares, order);
    }

    /// <summary>Learns from one day's impressions of the arm (in user order, so the result does not depend on threads).</summary>
    public void Learn(IReadOnlyList<ExploredImpression> impressions)
    {
        if (impressions.Count == 0)
            return;
        Span<int> active = stackalloc int[4];
        foreach (var e in impressions)
        {
            _views[e.Item]++;
            _bucketViews[e.Bucket]++;
            if (e.Clicked)
            {
                _clicks[e.Item]++;
                _bucketClicks[e.Bucket]++;
            }
            if (_kind != BanditKind.LinUcb)
                continue;
            var (count, shareValue) = Features(e.Item, e.Bucket, e.Share, active);
            for (var p = 0; p < count; p++)
            {
                var vp = p == count - 1 ? shareValue : 1.0;
                _moment[active[p]] += e.Clicked ? vp : 0;
                for (var q = 0; q < count; q++)
                    _gram[active[p] * _dimensions + active[q]] += vp * (q == count - 1 ? shareValue : 1.0);
            }
        }
        if (_kind != BanditKind.LinUcb)
            return;
        _inverse = Invert(_gram, _dimensions);
        _theta = new double[_dimensions];
        for (var i = 0; i < _dimensions; i++)
            for (var j = 0; j < _dimensions; j++)
                _theta[i] += _inverse[i * _dimensions + j] * _moment[j];
    }

    private double Score(int item, byte bucket, float share, Random? random)
    {
        if (_kind == BanditKind.LinUcb)
        {
            Span<int> active = stackalloc int[4];
            var (count, shareValue) = Features(item, bucket, share, active);
            double mean = 0, variance = 0;
            for (var p = 0; p < count; p++)
            {
                var vp = p == count - 1 ? shareValue : 1.0;
                mean += _theta[active[p]] * vp;
                for (var q = 0; q < count; q++)
                    variance += vp * _inverse[active[p] * _dimensions + active[q]] * (q == count - 1 ? shareValue : 1.0);
            }
            return mean + _options.Alpha * Math.Sqrt(Math.Max(variance, 0));
        }
        // The bucket's measured rate, itself shrunk to 2% by 50 impressions so that an empty bucket has a finite prior.
        var rate = (_bucketClicks[bucket] + 1.0) / (_bucketViews[bucket] + 50.0);
        var a = _options.PriorStrength * rate + _clicks[item];
        var b = _options.PriorStrength * (1 - rate) + _views[item] - _clicks[item];
        return random is null ? a / (a + b) : Beta.Sample(random, a, b);
    }

    /// <summary>Active features of a candidate: its bucket, its topic, product or post, then the user's history share in its topic (last).</summary>
    private (int Count, double ShareValue) Features(int item, byte bucket, float share, Span<int> active)
    {
        active[0] = bucket;
        active[1] = Buckets + _world.Items.PrimaryTopic(item);
        active[2] = Buckets + _world.Topics.Count + (_world.Items.Kind(item) == ItemKind.Product ? 1 : 0);
        active[3] = _dimensions - 1;
        return (4, share);
    }

    /// <summary>Share of the user's training interactions in each topic (the user's revealed interests).</summary>
    private float[] HistoryTopicShares(Policy policy, int user)
    {
        var shares = new float[_world.Topics.Count];
        var history = policy.Training.ByUser.RowIndices(user);
        foreach (var item in history)
            shares[_world.Items.PrimaryTopic(item)]++;
        if (history.Length > 0)
            for (var t = 0; t < shares.Length; t++)
                shares[t] /= history.Length;
        return shares;
    }

    private static void Permute<T>(List<T> list, int[] order)
    {
        var copy = list.ToArray();
        for (var k = 0; k < order.Length; k++)
            list[k] = copy[order[k]];
    }

    /// <summary>The inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination.</summary>
    private static double[] Invert(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
            inverse[i * n + i] = 1;
        for (var col = 0; col < n; col++)
        {
            var pivot = a[col * n + col];
            for (var j = 0; j < n; j++)
            {
                a[col * n + j] /= pivot;
                inverse[col * n + j] /= pivot;
            }
            for (var row = 0; row < n; row++)
            {
                if (row == col)
                    continue;
                var factor = a[row * n + col];
                if (factor == 0)
                    continue;
                for (var j = 0; j < n; j++)
                {
                    a[row * n + j] -= factor * a[col * n + j];
                    inverse[row * n + j] -= factor * inverse[col * n + j];
                }
            }
        }
        return inverse;
    }
}

/// <summary>One impression an exploration arm learns from: the candidate, its base-rank bucket, the user's history share in its topic, and whether it was clicked.</summary>
internal readonly record struct ExploredImpression(int Item, byte Bucket, float Share, bool Clicked);
