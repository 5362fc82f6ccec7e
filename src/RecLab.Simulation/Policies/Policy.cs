using System.Buffers;
using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Recommenders;

namespace RecLab.Simulation.Policies;

/// <summary>
/// A serving policy: a fitted recommender plus the slate builder's options (and optionally a campaign's sponsored
/// slots). Each user's ranking is computed once per fitted model and cached, so a simulation scores every user once
/// between retrainings however many sessions they have; slates are then cut from that ranking.
/// </summary>
/// <remarks>Thread-safe: rankings are deterministic, so two threads racing to cache the same user store equal lists.</remarks>
public sealed class Policy
{
    private readonly CandidateList?[] _candidates;
    private readonly int[] _backfill;
    private FeatureSimilarity? _similarity;
    private GlobalOrder? _global;

    /// <summary>Wraps a recommender already fitted on <paramref name="training"/> (which must use the world's id maps).</summary>
    /// <exception cref="ArgumentException">The model or training data do not match the world, or bad options.</exception>
    public Policy(World world, IRecommender fitted, InteractionData training, SlateOptions? slate = null, SponsoredSlots? sponsored = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(training);
        if (fitted.ItemCount != world.Items.Count)
            throw new ArgumentException($"{fitted.Name} scores {fitted.ItemCount} items; the world has {world.Items.Count}. Fit it on the world's data first.", nameof(fitted));
        if (training.UserCount != world.Users.Count || training.ItemCount != world.Items.Count)
            throw new ArgumentException("The training data must use the world's user and item id maps.", nameof(training));
        Slate = slate ?? new SlateOptions();
        Slate.Validate();
        sponsored?.Validate(world.Items.Count);
        World = world;
        Recommender = fitted;
        Training = training;
        Sponsored = sponsored;
        _candidates = new CandidateList?[world.Users.Count];
        _backfill = ByPopularity(training);
        if (fitted is Recommenders.ColdStart.BanditRanker bandit)
            Exploration = new Exploration(world, bandit);
    }

    /// <summary>
    /// Fits a new instance of a recommender on <paramref name="training"/> (with the world's item and user features) and wraps it.
    /// </summary>
    public static Policy Fit(World world, IRecommender recommender, InteractionData training, FitContext context,
        SlateOptions? slate = null, SponsoredSlots? sponsored = null)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        recommender.Fit(new TrainingSet(training, world.ItemFeatures, world.UserFeatures), context);
        return new Policy(world, recommender, training, slate, sponsored);
    }

    /// <summary>The world served.</summary>
    public World World { get; }

    /// <summary>The fitted recommender.</summary>
    public IRecommender Recommender { get; }

    /// <summary>What it was fitted on (the histories it ranks against).</summary>
    public InteractionData Training { get; }

    /// <summary>How slates are cut from rankings.</summary>
    public SlateOptions Slate { get; }

    /// <summary>The campaign in the sponsored slots, if any.</summary>
    public SponsoredSlots? Sponsored { get; }

    /// <summary>What an exploration arm learnt so far (null for other recommenders); carried over when the arm is retrained.</summary>
    internal Exploration? Exploration { get; set; }

    /// <summary>The same fitted model with other slate options or campaign (rankings are recomputed on demand).</summary>
    public Policy With(SlateOptions? slate = null, SponsoredSlots? sponsored = null) =>
        new(World, Recommender, Training, slate ?? Slate, sponsored ?? Sponsored);

    /// <summary>The user's top <paramref name="n"/> items (training history left out), best first.</summary>
    public ReadOnlySpan<int> Ranking(int user, int n)
    {
        var list = Candidates(user, n);
        return list.Items.AsSpan(0, Math.Min(n, list.Items.Length));
    }

    /// <summary>Items by training popularity (distinct users), most popular first: the backfill when a ranking runs dry.</summary>
    internal ReadOnlySpan<int> Backfill => _backfill;

    internal FeatureSimilarity Similarity =>
        LazyInitializer.EnsureInitialized(ref _similarity, () => new FeatureSimilarity(World.ItemFeatures, Slate.DiversityFields));

    /// <summary>The user's cached ranking, at least <paramref name="depth"/> deep unless the model cannot score that many.</summary>
    internal CandidateList Candidates(int user, int depth)
    {
        var cached = Volatile.Read(ref _candidates[user]);
        if (cached is not null && (cached.Complete || cached.Items.Length >= depth))
            return cached;
        var target = Math.Min(Math.Max(depth, Math.Max(Slate.CandidateDepth, cached is null ? 0 : cached.Items.Length * 4)), World.Items.Count);
        var list = cached?.Deeper?.Prefix(target, World.Items.Count) ?? Compute(user, target, cached?.SponsoredOrder);
        Volatile.Write(ref _candidates[user], list);
        return list;
    }

    private CandidateList Compute(int user, int depth, int[]? sponsoredOrder)
    {
        if (Recommender is IUserIndependentScorer everyone)
            return Cut(user, depth, sponsoredOrder, LazyInitializer.EnsureInitialized(ref _global, () => GlobalOrder.Of(everyone, World.Items.Count)));
        if (Sponsored is null && Recommender is IBlockRanker ranker && RankBlock(ranker, [user], depth) is [var ranked])
            return ranked;
        var scores = ArrayPool<float>.Shared.Rent(World.Items.Count);
        try
        {
            var buffer = scores.AsSpan(0, World.Items.Count);
            Recommender.Score(UserQuery.ForUser(Training, user), buffer);
            return Rank(user, buffer, depth, sponsoredOrder);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Users ranked together when the model is an <see cref="IBlockScorer"/>.</summary>
    private const int PrepareBlock = 16;

    /// <summary>
    /// How much deeper than the candidate depth a prepared ranking is kept: one deepening step (<see cref="Candidates"/>
    /// multiplies by four). Half the users of a 14-day test outrun the first 200 candidates, and deepening alone
    /// would score the whole catalogue again for one user, reading every item factor for a single row.
    /// </summary>
    private const int ReserveFactor = 4;

    /// <summary>
    /// Ranks <paramref name="users"/> ahead of their first session, in blocks of users when the model can: an
    /// <see cref="IBlockRanker"/> ranks them without scoring every item (not with a campaign, whose order needs every
    /// campaign item's score), an <see cref="IBlockScorer"/> scores the block together (a factor model then reads its
    /// item factors once per block, not once per user); otherwise they are ranked on demand as before. The lists are
    /// the ones <see cref="Candidates"/> would compute, each
    /// with a deeper one from the same scores behind it (<see cref="ReserveFactor"/>).
    /// </summary>
    internal void Prepare(IReadOnlyList<int> users, ParallelOptions parallel)
    {
        var ranker = Sponsored is null ? Recommender as IBlockRanker : null;
        var scorer = Recommender as IBlockScorer;
        if (ranker is null && scorer is null)
            return;
        var n = World.Items.Count;
        var depth = Math.Min(Slate.CandidateDepth, n);
        var reserve = Math.Min((long)Slate.CandidateDepth * ReserveFactor, n);
        // Only users with a training history: a block scorer refuses a block holding anyone it never learned.
        var known = new List<int>(users.Count);
        foreach (var u in users)
            if (Training.ByUser.RowLength(u) > 0 && Volatile.Read(ref _candidates[u]) is null)
                known.Add(u);
        if (ranker is not null)
        {
            Parallel.For(0, (known.Count + PrepareBlock - 1) / PrepareBlock, parallel, b =>
            {
                var start = b * PrepareBlock;
                var block = known.GetRange(start, Math.Min(PrepareBlock, known.Count - start)).ToArray();
                if (RankBlock(ranker, block, (int)reserve) is { } lists)
                    for (var k = 0; k < block.Length; k++)
                        Volatile.Write(ref _candidates[block[k]], lists[k].Prefix(depth, n));
            });
            return;
        }
        Parallel.For(0, (known.Count + PrepareBlock - 1) / PrepareBlock, parallel, () => new float[PrepareBlock * n], (b, _, buffer) =>
        {
            Span<int> block = stackalloc int[PrepareBlock];
            var count = 0;
            for (var k = b * PrepareBlock; k < Math.Min(known.Count, (b + 1) * PrepareBlock); k++)
                block[count++] = known[k];
            var scores = buffer.AsSpan(0, count * n);
            if (count == 0 || !scorer!.TryScoreUsers(block[..count], scores))
                return buffer;
            for (var k = 0; k < count; k++)
                Volatile.Write(ref _candidates[block[k]], Rank(block[k], scores.Slice(k * n, n), (int)reserve, null).Prefix(depth, n));
            return buffer;
        }, _ => { });
    }

    /// <summary>Whether <paramref name="user"/>'s ranking is cached already.</summary>
    internal bool IsRanked(int user) => Volatile.Read(ref _candidates[user]) is not null;

    /// <summary>
    /// The candidate lists of <paramref name="users"/> (known to the model) from a model that ranks without scoring every
    /// item (<see cref="IBlockRanker"/>): the lists <see cref="Rank"/> would cut from the full scores, without a campaign
    /// order (the callers take this path only without a campaign); null when the model refuses the block.
    /// </summary>
    private CandidateList[]? RankBlock(IBlockRanker ranker, int[] users, int depth)
    {
        var starts = new int[users.Length + 1];
        for (var k = 0; k < users.Length; k++)
            starts[k + 1] = starts[k] + Training.ByUser.RowLength(users[k]);
        var excluded = new int[starts[^1]];
        for (var k = 0; k < users.Length; k++)
            UserQuery.ForUser(Training, users[k]).History.Span.CopyTo(excluded.AsSpan(starts[k]));
        var items = new int[users.Length * depth];
        var scores = new float[items.Length];
        var counts = new int[users.Length];
        if (!ranker.TryRankUsers(users, starts, excluded, items, scores, counts))
            return null;
        var lists = new CandidateList[users.Length];
        for (var k = 0; k < users.Length; k++)
            lists[k] = Finish(items.AsSpan(k * depth, counts[k]).ToArray(), scores.AsSpan(k * depth, counts[k]).ToArray(), counts[k], depth, []);
        return lists;
    }

    /// <summary>The candidate list of <paramref name="user"/> from the model's scores (the user's history is masked here).</summary>
    private CandidateList Rank(int user, Span<float> scores, int depth, int[]? sponsoredOrder)
    {
        var items = new int[depth];
        var top = new float[depth];
        var history = UserQuery.ForUser(Training, user).History.Span;
        var count = RecLab.Recommenders.Ranking.TopInto(scores, history, items, top);
        sponsoredOrder ??= Sponsored is null ? [] : SponsoredOrder(scores, history, Sponsored.Items);
        return Finish(items, top, count, depth, sponsoredOrder);
    }

    /// <summary>
    /// <see cref="Rank"/> for a model that scores everyone alike: the first <paramref name="depth"/> items of the
    /// catalogue's order that are not in the user's history, which is what masking and selecting would keep.
    /// </summary>
    private CandidateList Cut(int user, int depth, int[]? sponsoredOrder, GlobalOrder global)
    {
        var history = UserQuery.ForUser(Training, user).History.Span;
        var items = new int[depth];
        var top = new float[depth];
        var count = 0;
        foreach (var item in global.Items)
        {
            if (count == depth)
                break;
            if (history.BinarySearch(item) >= 0)
                continue;
            items[count] = item;
            top[count] = global.Scores[item];
            count++;
        }
        sponsoredOrder ??= Sponsored is null ? [] : SponsoredOrder(global.Scores, history, Sponsored.Items);
        return Finish(items, top, count, depth, sponsoredOrder);
    }

    private CandidateList Finish(int[] items, float[] top, int count, int depth, int[] sponsoredOrder)
    {
        if (count < depth)
        {
            Array.Resize(ref items, count);
            Array.Resize(ref top, count);
        }
        return new CandidateList(items, top, count < depth || depth == World.Items.Count, sponsoredOrder);
    }

    /// <summary>
    /// Campaign items by descending score (NaN last, ties by campaign order); items in <paramref name="history"/> (ascending)
    /// count as NaN, as in masked scores, so seen items go last too.
    /// </summary>
    private static int[] SponsoredOrder(ReadOnlySpan<float> scores, ReadOnlySpan<int> history, IReadOnlyList<int> campaign)
    {
        var order = new int[campaign.Count];
        var keys = new float[campaign.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = campaign[k];
            var s = scores[campaign[k]];
            keys[k] = float.IsNaN(s) || history.BinarySearch(campaign[k]) >= 0 ? float.PositiveInfinity : -s;
        }
        // A stable sort keeps campaign order among equal scores.
        var index = Enumerable.Range(0, order.Length).ToArray();
        Array.Sort(index, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var sorted = new int[order.Length];
        for (var k = 0; k < sorted.Length; k++)
            sorted[k] = order[index[k]];
        return sorted;
    }

    private static int[] ByPopularity(InteractionData training)
    {
        var byItem = training.ByItem;
        var items = new int[training.ItemCount];
        var counts = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = i;
            counts[i] = -byItem.RowLength(i);
        }
        // Stable by item index among equal counts: sort keys (count, item).
        var keys = new long[items.Length];
        for (var i = 0; i < items.Length; i++)
            keys[i] = ((long)counts[i] << 32) | (uint)i;
        Array.Sort(keys, items);
        return items;
    }
}
