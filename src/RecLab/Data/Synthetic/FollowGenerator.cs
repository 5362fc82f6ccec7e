using System.Runtime.InteropServices;
using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Draws the follow graph with preferential attachment: a user picks a topic by interest (or, in one pick of ten,
/// any creator), then a creator of that topic with probability proportional to
/// <c>(followers + m·fame)·topic weight·(RegionAffinity if same region)</c>, kept with the audience match probability;
/// m is the mean follower count a creator will end with, so fame (a Pareto prior) weighs as much as the followers
/// gathered, and the follower counts inherit its power-law tail.
/// Users are processed in <see cref="Rounds"/> rounds of fixed blocks; within a round every block sees the follower
/// counts as they stood at its start, so the graph does not depend on the thread count.
/// </summary>
internal static class FollowGenerator
{
    public const int Block = 256;
    public const int Rounds = 8;
    private const double DiscoveryRate = 0.1;
    private const double FollowSpread = 0.8;

    public static FollowGraph Generate(WorldOptions o, WorldUsers users, CreatorDraft creators, ParallelOptions parallel)
    {
        var n = users.Count;
        var creatorCount = creators.Count;
        var t = users.TopicCount;
        var regions = Demographics.Regions.Count;
        var topicCreators = new List<(int Creator, float Weight)>[t];
        for (var k = 0; k < t; k++)
            topicCreators[k] = [];
        for (var c = 0; c < creatorCount; c++)
        {
            var ts = creators.TopicsOf(c);
            var ws = creators.TopicWeightsOf(c);
            for (var k = 0; k < ts.Length; k++)
                topicCreators[ts[k]].Add((c, ws[k]));
        }
        var followers = new int[creatorCount];
        var prior = Math.Max(1, n * o.FollowsMedian / creatorCount);
        var blocks = (n + Block - 1) / Block;
        var picks = new List<int>[blocks];
        var counts = new int[n];
        for (var round = 0; round < Rounds; round++)
        {
            var first = (int)((long)round * blocks / Rounds);
            var last = (int)((long)(round + 1) * blocks / Rounds);
            if (first == last)
                continue;
            var attraction = new double[creatorCount];
            for (var c = 0; c < creatorCount; c++)
                attraction[c] = followers[c] + prior * creators.Fame[c];
            var any = new AliasTable(attraction);
            var tables = new AliasTable?[regions * t];
            for (var g = 0; g < regions; g++)
            {
                for (var k = 0; k < t; k++)
                {
                    var list = topicCreators[k];
                    if (list.Count == 0)
                        continue;
                    var weights = new double[list.Count];
                    for (var j = 0; j < list.Count; j++)
                    {
                        var (c, w) = list[j];
                        weights[j] = attraction[c] * w * (creators.Regions[c] == g ? o.RegionAffinity : 1);
                    }
                    tables[g * t + k] = new AliasTable(weights);
                }
            }
            Parallel.For(first, last, parallel, b =>
            {
                var rng = Seeds.Stream(Seeds.Derive(o.Seed, (ulong)StreamKind.Follows), (ulong)b);
                var chosen = picks[b] = [];
                var end = Math.Min(n, (b + 1) * Block);
                for (var u = b * Block; u < end; u++)
                {
                    var start = chosen.Count;
                    var wanted = (int)Math.Min(creatorCount, Math.Round(rng.LogNormal(o.FollowsMedian, FollowSpread)));
                    var interests = users.Interests(u);
                    var region = users.Region(u);
                    var gender = users.Gender(u);
                    var age = Demographics.AgeScores[users.AgeBand(u)];
                    for (var attempt = 0; attempt < 50 * wanted + 50 && chosen.Count - start < wanted; attempt++)
                    {
                        int c;
                        AliasTable? table = null;
                        var topic = -1;
                        if (rng.NextDouble() >= DiscoveryRate)
                        {
                            topic = rng.Categorical(interests);
                            table = tables[region * t + topic];
                        }
                        c = table is null ? any.Sample(ref rng) : topicCreators[topic][table.Sample(ref rng)].Creator;
                        if (CollectionsMarshal.AsSpan(chosen)[start..].Contains(c))
                            continue;
                        var audienceGender = creators.AudienceGenders[c];
                        var keep = audienceGender < 0 || audienceGender == gender ? 1.0 : 1 - o.AudienceSkew;
                        var gap = age - Demographics.AgeScores[creators.AudienceAges[c]];
                        keep *= Math.Exp(-o.AudienceSkew * gap * gap);
                        if (rng.NextDouble() < keep)
                            chosen.Add(c);
                    }
                    counts[u] = chosen.Count - start;
                    CollectionsMarshal.AsSpan(chosen)[start..].Sort();
                }
            });
            for (var b = first; b < last; b++)
                foreach (var c in picks[b])
                    followers[c]++;
        }
        var offsets = new int[n + 1];
        for (var u = 0; u < n; u++)
            offsets[u + 1] = offsets[u] + counts[u];
        var indices = new int[offsets[n]];
        for (var b = 0; b < blocks; b++)
            CollectionsMarshal.AsSpan(picks[b]).CopyTo(indices.AsSpan(offsets[b * Block]));
        var values = new float[indices.Length];
        values.AsSpan().Fill(1f);
        return new FollowGraph(new CsrMatrix(n, creatorCount, offsets, indices, values));
    }
}
