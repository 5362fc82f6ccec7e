using System.Runtime.InteropServices;
using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>Draws the catalogue: publication times (sorted, so item index = publication order), then items in parallel blocks.</summary>
internal static class ItemGenerator
{
    public const int Block = 4096;
    private const int SecondsPerDay = 86_400;
    private const double SecondaryTagRate = 0.3;
    private const double SignatureTokenRate = 0.25;
    private const double SecondaryTokenRate = 0.2;

    public sealed record Result(WorldItems Items, int[] CreatorItemOffsets, int[] CreatorItems);

    public static Result Generate(WorldOptions o, IReadOnlyList<Topic> topics, int[][] topicTokens, string[] vocabulary,
        CreatorDraft creators, long startUnixSeconds, ParallelOptions parallel)
    {
        var n = o.Items;
        var t = topics.Count;
        var l = o.LatentFactors;
        var d = t + l;
        var seconds = PublicationTimes(o);
        var productivity = new AliasTable(creators.Productivity);
        var zipf = new float[topicTokens.Max(x => x.Length)];
        for (var k = 0; k < zipf.Length; k++)
            zipf[k] = 1f / (k + 1);
        // Relative to the style components (sd L^-1/4), so sd(p_u·ε_i) = StyleScale·ItemNoise.
        var noiseSd = o.ItemNoise * Math.Pow(l, -0.25);
        var itemCreators = new int[n];
        var primary = new byte[n];
        var secondary = new sbyte[n];
        var kinds = new ItemKind[n];
        var prices = new float[n];
        var margins = new float[n];
        var quality = new float[n];
        var vectors = new float[(long)n * d];
        var buzz = new float[n];
        var tokenCounts = new int[n];
        var blocks = (n + Block - 1) / Block;
        var blockTokens = new List<int>[blocks];
        Parallel.For(0, blocks, parallel, b =>
        {
            var rng = Seeds.Stream(Seeds.Derive(o.Seed, (ulong)StreamKind.Items), (ulong)b);
            var tokens = blockTokens[b] = new List<int>(Block * 5);
            var end = Math.Min(n, (b + 1) * Block);
            for (var i = b * Block; i < end; i++)
            {
                var c = productivity.Sample(ref rng);
                itemCreators[i] = c;
                var creatorTopics = creators.TopicsOf(c);
                var p = creatorTopics[rng.Categorical(creators.TopicWeightsOf(c))];
                primary[i] = p;
                var s = -1;
                if (t > 1 && rng.NextDouble() < SecondaryTagRate)
                {
                    if (creatorTopics.Length > 1 && rng.NextDouble() < 0.7)
                    {
                        do s = creatorTopics[rng.NextInt(creatorTopics.Length)];
                        while (s == p);
                    }
                    else
                    {
                        do s = rng.NextInt(t);
                        while (s == p);
                    }
                }
                secondary[i] = (sbyte)s;
                if (rng.NextDouble() < creators.ProductShares[c])
                {
                    kinds[i] = ItemKind.Product;
                    var price = rng.LogNormal(topics[p].PriceMedian * o.PriceScale, 0.7);
                    prices[i] = (float)(Math.Floor(price) + 0.99);
                    margins[i] = (float)Math.Round(0.1 + 0.5 * rng.NextDouble(), 2);
                }
                quality[i] = (float)(creators.Quality[c] + rng.NextGaussian(0, o.ItemQualitySpread));
                var v = vectors.AsSpan(i * d, d);
                v[p] = 1f;
                if (s >= 0)
                    v[s] = 0.5f;
                var style = creators.Styles.AsSpan(c * l, l);
                for (var j = 0; j < l; j++)
                    v[t + j] = (float)(style[j] + noiseSd * rng.NextGaussian());
                var count = 3 + rng.NextInt(5);
                tokenCounts[i] = count;
                var previous = -1;
                for (var k = 0; k < count; k++)
                {
                    int token;
                    var attempts = 0;
                    do
                    {
                        var r = rng.NextDouble();
                        if (r < SignatureTokenRate)
                        {
                            token = creators.SignatureTokens[c * CreatorDraft.SignatureSize + rng.NextInt(CreatorDraft.SignatureSize)];
                        }
                        else
                        {
                            var vocab = topicTokens[s >= 0 && r < SignatureTokenRate + SecondaryTokenRate ? s : p];
                            token = vocab[rng.Categorical(zipf.AsSpan(0, vocab.Length))];
                        }
                    } while (token == previous && ++attempts < 8);
                    tokens.Add(token);
                    previous = token;
                }
                buzz[i] = (float)(Math.Pow(creators.Fame[c], o.PopularityFameExponent) * Math.Exp(o.PopularityQualityWeight * quality[i])
                    * rng.LogNormal(1, o.ViralitySpread));
            }
        });

        var tokenOffsets = new int[n + 1];
        for (var i = 0; i < n; i++)
            tokenOffsets[i + 1] = tokenOffsets[i] + tokenCounts[i];
        var allTokens = new int[tokenOffsets[n]];
        for (var b = 0; b < blocks; b++)
            CollectionsMarshal.AsSpan(blockTokens[b]).CopyTo(allTokens.AsSpan(tokenOffsets[b * Block]));

        // Each creator's items, ascending, as the transpose of the item -> creator matrix.
        var ones = new float[n];
        ones.AsSpan().Fill(1f);
        var itemOffsets = new int[n + 1];
        for (var i = 0; i < n; i++)
            itemOffsets[i + 1] = i + 1;
        var byCreator = new CsrMatrix(n, creators.Count, itemOffsets, itemCreators, ones).Transpose();

        var items = new WorldItems(d, startUnixSeconds, itemCreators, primary, secondary, kinds, prices, margins, quality, vectors,
            seconds, tokenOffsets, allTokens, buzz, vocabulary);
        return new Result(items, byCreator.OffsetArray, byCreator.IndexArray);
    }

    /// <summary>
    /// Publication times in seconds from the log start, ascending: the starting catalogue uniform over the prehistory,
    /// the arriving share uniform over the logged days.
    /// </summary>
    private static int[] PublicationTimes(WorldOptions o)
    {
        var n = o.Items;
        var rng = Seeds.Stream(o.Seed, (ulong)StreamKind.PublishTimes);
        var starting = (int)Math.Clamp(Math.Round(n * (1 - o.ArrivingShare)), 1, n);
        var seconds = new int[n];
        var prehistory = o.PrehistoryDays * SecondsPerDay;
        for (var i = 0; i < starting; i++)
            seconds[i] = -prehistory + rng.NextInt(prehistory);
        for (var i = starting; i < n; i++)
            seconds[i] = rng.NextInt(o.Days * SecondsPerDay);
        Array.Sort(seconds);
        return seconds;
    }
}
