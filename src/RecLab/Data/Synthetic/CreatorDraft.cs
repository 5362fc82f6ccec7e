using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>Creators' drawn attributes, before their items and followers exist.</summary>
internal sealed class CreatorDraft
{
    public required string[] Names { get; init; }
    public required int[] TopicOffsets { get; init; }
    public required byte[] Topics { get; init; }
    public required float[] TopicWeights { get; init; }
    public required float[] Quality { get; init; }
    public required float[] Fame { get; init; }
    public required float[] Fees { get; init; }
    public required byte[] Regions { get; init; }
    public required sbyte[] AudienceGenders { get; init; }
    public required byte[] AudienceAges { get; init; }
    public required float[] ProductShares { get; init; }
    public required float[] Styles { get; init; }
    public required int[] SignatureTokens { get; init; }
    public required double[] Productivity { get; init; }

    public const int SignatureSize = 4;

    public int Count => Names.Length;

    /// <summary>Draws every creator from one stream (creators are few; this stays well under a millisecond per thousand).</summary>
    public static CreatorDraft Generate(WorldOptions o, IReadOnlyList<Topic> topics, int[][] topicTokens, IReadOnlyList<string> vocabulary)
    {
        var n = o.Creators;
        var t = topics.Count;
        var l = o.LatentFactors;
        var rng = Seeds.Stream(o.Seed, (ulong)StreamKind.Creators);
        var topicPopularity = topics.Select(x => x.Popularity).ToArray();
        var regionShares = Demographics.RegionShares.ToArray();
        var styleSd = Math.Pow(l, -0.25);
        var offsets = new int[n + 1];
        var creatorTopics = new List<byte>(n * 2);
        var weights = new List<float>(n * 2);
        var draft = new CreatorDraft
        {
            Names = new string[n], TopicOffsets = offsets, Topics = [], TopicWeights = [],
            Quality = new float[n], Fame = new float[n], Fees = new float[n], Regions = new byte[n],
            AudienceGenders = new sbyte[n], AudienceAges = new byte[n], ProductShares = new float[n],
            Styles = new float[n * l], SignatureTokens = new int[n * SignatureSize], Productivity = new double[n],
        };
        Span<byte> chosen = stackalloc byte[3];
        Span<float> topicWeight = stackalloc float[3];
        for (var c = 0; c < n; c++)
        {
            var r = rng.NextDouble();
            var count = Math.Min(t, r < 0.5 ? 1 : r < 0.85 ? 2 : 3);
            chosen[0] = (byte)rng.Categorical(topicPopularity);
            for (var k = 1; k < count; k++)
            {
                byte next;
                do next = (byte)rng.NextInt(t);
                while (chosen[..k].Contains(next));
                chosen[k] = next;
            }
            var w = topicWeight[..count];
            w[0] = 1f;
            for (var k = 1; k < count; k++)
                w[k] = 0.3f + 0.4f * rng.NextFloat();
            var sum = 0f;
            foreach (var x in w)
                sum += x;
            for (var k = 0; k < count; k++)
            {
                creatorTopics.Add(chosen[k]);
                weights.Add(w[k] / sum);
            }
            offsets[c + 1] = creatorTopics.Count;

            var primary = topics[chosen[0]];
            var fame = Math.Min(rng.Pareto(o.FameExponent), 1e4);
            draft.Fame[c] = (float)fame;
            draft.Quality[c] = (float)rng.NextGaussian(0, o.CreatorQualitySpread);
            for (var j = 0; j < l; j++)
                draft.Styles[c * l + j] = (float)(styleSd * rng.NextGaussian());
            draft.Regions[c] = (byte)rng.Categorical(regionShares);
            // A creator in a gendered topic targets that gender with probability |lean|.
            draft.AudienceGenders[c] = rng.NextDouble() < Math.Abs(primary.GenderLean) ? (sbyte)(primary.GenderLean > 0 ? 0 : 1) : (sbyte)-1;
            draft.AudienceAges[c] = (byte)NearestAgeBand(primary.AgeLean + 0.6 * rng.NextGaussian());
            draft.ProductShares[c] = o.ProductShare switch
            {
                <= 0 => 0f,
                >= 1 => 1f,
                var p => (float)rng.Beta(2 * p, 2 * (1 - p)),
            };
            draft.Fees[c] = (float)Math.Round(o.FeeBase * Math.Sqrt(fame) * rng.LogNormal(1, 0.3), 2);
            draft.Productivity[c] = Math.Pow(fame, 0.3) * rng.LogNormal(1, 0.5);
            var vocab = topicTokens[chosen[0]];
            for (var k = 0; k < SignatureSize; k++)
                draft.SignatureTokens[c * SignatureSize + k] = vocab[rng.NextInt(vocab.Length)];
            var first = rng.NextInt(vocab.Length);
            var second = (first + 1 + rng.NextInt(Math.Max(1, vocab.Length - 1))) % vocab.Length;
            draft.Names[c] = $"@{vocabulary[vocab[first]]}_{vocabulary[vocab[second]]}_{c + 1}";
        }
        return new CreatorDraft
        {
            Names = draft.Names, TopicOffsets = offsets, Topics = [.. creatorTopics], TopicWeights = [.. weights],
            Quality = draft.Quality, Fame = draft.Fame, Fees = draft.Fees, Regions = draft.Regions,
            AudienceGenders = draft.AudienceGenders, AudienceAges = draft.AudienceAges, ProductShares = draft.ProductShares,
            Styles = draft.Styles, SignatureTokens = draft.SignatureTokens, Productivity = draft.Productivity,
        };
    }

    public ReadOnlySpan<byte> TopicsOf(int creator) => Topics.AsSpan(TopicOffsets[creator], TopicOffsets[creator + 1] - TopicOffsets[creator]);

    public ReadOnlySpan<float> TopicWeightsOf(int creator) =>
        TopicWeights.AsSpan(TopicOffsets[creator], TopicOffsets[creator + 1] - TopicOffsets[creator]);

    public static int NearestAgeBand(double score)
    {
        var best = 0;
        for (var b = 1; b < Demographics.AgeScores.Count; b++)
            if (Math.Abs(Demographics.AgeScores[b] - score) < Math.Abs(Demographics.AgeScores[best] - score))
                best = b;
        return best;
    }
}
