namespace RecLab.Data.Synthetic;

/// <summary>Generates a <see cref="World"/>: creators, users, items, follows, the logging policy, then the log.</summary>
internal static class WorldGenerator
{
    public static World Generate(WorldOptions o, int? maxThreads, IProgress<SynthesisProgress>? progress, CancellationToken ct)
    {
        o.Validate();
        if (maxThreads is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxThreads), "At least one thread.");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? -1, CancellationToken = ct };
        var topics = TopicCatalog.All.Take(o.Topics).ToArray();
        var vocabulary = Vocabulary(topics, out var topicTokens);
        var start = new DateTimeOffset(o.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

        progress?.Report(new SynthesisProgress("creators", 0));
        var draft = CreatorDraft.Generate(o, topics, topicTokens, vocabulary);
        progress?.Report(new SynthesisProgress("users", 0.01));
        var users = UserGenerator.Generate(o, topics, parallel);
        progress?.Report(new SynthesisProgress("items", 0.05));
        var catalogue = ItemGenerator.Generate(o, topics, topicTokens, vocabulary, draft, start, parallel);
        progress?.Report(new SynthesisProgress("follows", 0.1));
        var follows = FollowGenerator.Generate(o, users, draft, parallel);
        var followers = new int[draft.Count];
        for (var c = 0; c < followers.Length; c++)
            followers[c] = follows.ByCreator.RowLength(c);
        var creators = new WorldCreators(draft.Names, draft.TopicOffsets, draft.Topics, draft.TopicWeights, draft.Quality, draft.Fame,
            followers, draft.Fees, draft.Regions, draft.AudienceGenders, draft.AudienceAges, draft.ProductShares, o.LatentFactors,
            draft.Styles, catalogue.CreatorItemOffsets, catalogue.CreatorItems);
        progress?.Report(new SynthesisProgress("policy", 0.12));
        var policy = new LoggingPolicy(o, catalogue.Items, creators, follows, maxThreads);
        var world = new World(o, topics, users, creators, catalogue.Items, follows, policy);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new SynthesisProgress("log", 0.15));
        var log = LogGenerator.Generate(world, parallel,
            progress is null ? null : f => progress.Report(new SynthesisProgress("log", 0.15 + 0.85 * f)));
        world.AttachLog(log);
        return world;
    }

    /// <summary>Every distinct title word, topic by topic, and each topic's words as indices into that list.</summary>
    private static string[] Vocabulary(IReadOnlyList<Topic> topics, out int[][] topicTokens)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        topicTokens = new int[topics.Count][];
        for (var t = 0; t < topics.Count; t++)
        {
            var vocab = topics[t].Vocabulary;
            topicTokens[t] = new int[vocab.Count];
            for (var k = 0; k < vocab.Count; k++)
            {
                if (!index.TryGetValue(vocab[k], out var id))
                {
                    id = words.Count;
                    index.Add(vocab[k], id);
                    words.Add(vocab[k]);
                }
                topicTokens[t][k] = id;
            }
        }
        return [.. words];
    }
}
