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
        return list.Items[..Math.Min(n, list.Count)];
    }

    /// <summary>Items by training popularity (distinct users), most popular first: the backfill when a ranking runs dry.</summary>
    internal ReadOnlySpan<int> Backfill => _backfill;

    internal FeatureSimilarity Similarity =>
        LazyInitializer.EnsureInitialized(ref _similarity, () => new FeatureSimilarity(World.ItemFeatures, Slate.DiversityFields));

    /// <summary>Whether candidate lists keep their scores: only diversity re-ranking reads them, and they are half a list's memory.</summary>
    private bool KeepScores => Slate.DiversityLambda < 1;

    /// <summary>The user's cached ranking, at least <paramref name="depth"/> deep unless the model cannot score that many.</summary>
    internal CandidateList Candidates(int user, int depth)
    {
        var cached = Volatile.Read(ref _candidates[user]);
        if (cached is not null && (cached.Complete || cached.Count >= depth))
            return cached;
        var target = StepDepth(depth, cached?.Count ?? 0);
        var list = cached?.Deeper?.Prefix(target, World.Items.Count) ?? Compute(user, target, cached?.SponsoredOrder);
        Volatile.Write(ref _candidates[user], list);
        return list;
    }

    /// <summary>How deep a ranking asked for <paramref name="depth"/> items is made when <paramref name="cached"/> are listed: four times deeper at each step, so a user who keeps scrolling is ranked again a few times only.</summary>
    private int StepDepth(int depth, int cached) => Math.Min(Math.Max(depth, Math.Max(Slate.CandidateDepth, cached * 4)), World.Items.Count);

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

    /// <summary>Users ranked together when the model is an <see cref="IBlockRanker"/> or <see cref="IBlockScorer"/>.</summary>
    private const int Block = 16;

    /// <summary>
    /// How much deeper than the candidate depth a prepared ranking is kept: one deepening step (<see cref="StepDepth"/>
    /// multiplies by four). Half the users of a 14-day test outrun the first 200 candidates, and deepening them one by
    /// one would read the item factors again for a single user.
    /// </summary>
    private const int ReserveFactor = 4;

    /// <summary>
    /// Ranks <paramref name="users"/> ahead of their first session, in blocks of users when the model can (see
    /// <see cref="RankInBlocks"/>); otherwise they are ranked on demand as before. The lists are the ones
    /// <see cref="Candidates"/> would compute, each with a deeper one from the same ranking behind it
    /// (<see cref="ReserveFactor"/>).
    /// </summary>
    internal void Prepare(IReadOnlyList<int> users, ParallelOptions parallel)
    {
        var n = World.Items.Count;
        var depth = Math.Min(Slate.CandidateDepth, n);
        var unranked = new List<int>(users.Count);
        foreach (var u in users)
            if (Volatile.Read(ref _candidates[u]) is null)
                unranked.Add(u);
        RankInBlocks(unranked, (int)Math.Min((long)Slate.CandidateDepth * ReserveFactor, n), parallel,
            (u, list) => Volatile.Write(ref _candidates[u], list.Prefix(depth, n)));
    }

    /// <summary>
    /// Deepens the cached rankings of <paramref name="users"/> by one step beyond the deepest list kept for each (the
    /// step <see cref="Candidates"/> would take when they run out), in blocks of users, and keeps the result behind the
    /// current list, so the users who are about to outrun their candidates are ranked together rather than one by one
    /// mid-session. The lists are the ones <see cref="Candidates"/> would compute; users not ranked yet, or whose ranking
    /// is complete, are left alone, and so is everyone when the model cannot rank blocks.
    /// </summary>
    internal void Deepen(IReadOnlyList<int> users, ParallelOptions parallel)
    {
        // One block ranks at one depth: group the users by the depth of their next step.
        var byDepth = new SortedDictionary<int, List<int>>();
        foreach (var u in users)
        {
            if (Volatile.Read(ref _candidates[u]) is not { } cached || cached.Deepest is { Complete: true })
                continue;
            var depth = StepDepth(0, cached.Deepest.Count);
            if (!byDepth.TryGetValue(depth, out var group))
                byDepth[depth] = group = [];
            group.Add(u);
        }
        foreach (var (depth, group) in byDepth)
            RankInBlocks(group, depth, parallel, (u, list) => Volatile.Write(ref _candidates[u], _candidates[u]!.WithDeeper(list)));
    }

    /// <summary>
    /// How far ahead of the start of its list the user's cached ranking reaches (the deepest list kept), or
    /// <see cref="int.MaxValue"/> when there is nothing to deepen: not ranked yet, or complete.
    /// </summary>
    internal int Runway(int user) =>
        Volatile.Read(ref _candidates[user])?.Deepest is { Complete: false } deepest ? deepest.Count : int.MaxValue;

    /// <summary>
    /// Ranks <paramref name="users"/> <paramref name="depth"/> deep in blocks and hands each list to
    /// <paramref name="store"/>: an <see cref="IBlockRanker"/> ranks a block without scoring every item (not with a
    /// campaign, whose order needs every campaign item's score), an <see cref="IBlockScorer"/> scores the block together
    /// (a factor model then reads its item factors once per block, not once per user); other models rank nothing here.
    /// Only users with a training history are ranked: a block scorer refuses a block holding anyone it never learned.
    /// </summary>
    private void RankInBlocks(List<int> users, int depth, ParallelOptions parallel, Action<int, CandidateList> store)
    {
        var ranker = Sponsored is null ? Recommender as IBlockRanker : null;
        var scorer = Recommender as IBlockScorer;
        if (ranker is null && scorer is null)
            return;
        var n = World.Items.Count;
        var known = users.FindAll(u => Training.ByUser.RowLength(u) > 0);
        var blocks = BlockCount(known.Count, parallel);
        int[] BlockOf(int b)
        {
            var start = BlockStart(b, known.Count, blocks);
            return known.GetRange(start, BlockStart(b + 1, known.Count, blocks) - start).ToArray();
        }
        if (ranker is not null)
        {
            Parallel.For(0, blocks, parallel, b =>
            {
                var block = BlockOf(b);
                if (RankBlock(ranker, block, depth) is { } lists)
                    for (var k = 0; k < block.Length; k++)
                        store(block[k], lists[k]);
            });
            return;
        }
        Parallel.For(0, blocks, parallel, () => new float[Block * n], (b, _, buffer) =>
        {
            var block = BlockOf(b);
            var scores = buffer.AsSpan(0, block.Length * n);
            if (!scorer!.TryScoreUsers(block, scores))
                return buffer;
            for (var k = 0; k < block.Length; k++)
                store(block[k], Rank(block[k], scores.Slice(k * n, n), depth, null));
            return buffer;
        }, _ => { });
    }

    /// <summary>
    /// How many blocks <paramref name="users"/> users are ranked in: as few as holding at most <see cref="Block"/> each
    /// allows, but no fewer than the threads while there are users for them. A day's deepening is often a couple of
    /// dozen users, and two blocks of 16 and 8 left one of two cores idle for half of it. The lists do not depend on
    /// the blocks (each user's is the one ranking them alone gives), so neither does anything simulated with them.
    /// </summary>
    internal static int BlockCount(int users, ParallelOptions parallel)
    {
        var threads = parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        return Math.Max((users + Block - 1) / Block, Math.Min(users, threads));
    }

    /// <summary>Where block <paramref name="block"/> of <paramref name="blocks"/> starts among <paramref name="users"/>: sizes differ by one at most.</summary>
    internal static int BlockStart(int block, int users, int blocks) => (int)((long)block * users / blocks);

    /// <summary>Drops the cached ranking of <paramref name="user"/> (computed again on demand, the same list).</summary>
    internal void Forget(int user) => Volatile.Write(ref _candidates[user], null);

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
        // The lists keep their stretches of the block's items (and scores, when kept) rather than copies.
        var items = new int[users.Length * depth];
        var scores = KeepScores ? new float[items.Length] : ArrayPool<float>.Shared.Rent(items.Length);
        try
        {
            var counts = new int[users.Length];
            if (!ranker.TryRankUsers(users, starts, excluded, items, scores.AsSpan(0, items.Length), counts))
                return null;
            var lists = new CandidateList[users.Length];
            for (var k = 0; k < users.Length; k++)
                lists[k] = new CandidateList(items, KeepScores ? scores : [], counts[k], IsComplete(counts[k], depth), [], k * depth);
            return lists;
        }
        finally
        {
            if (!KeepScores)
                ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>The candidate list of <paramref name="user"/> from the model's scores (the user's history is masked here).</summary>
    private CandidateList Rank(int user, Span<float> scores, int depth, int[]? sponsoredOrder)
    {
        var items = new int[depth];
        var top = new float[depth];
        var history = UserQuery.ForUser(Training, user).History.Span;
        var count = RecLab.Recommenders.Ranking.TopInto(scores, history, items, top);
        sponsoredOrder ??= Sponsored is null ? [] : SponsoredOrder(scores, history, Sponsored.Items);
        return Finish(items, KeepScores ? top : [], count, depth, sponsoredOrder);
    }

    /// <summary>One thread's item mask for <see cref="Cut"/>, all zeros between uses.</summary>
    [ThreadStatic]
    private static ulong[]? _seenMask;

    /// <summary>
    /// <see cref="Rank"/> for a model that scores everyone alike: the first <paramref name="depth"/> items of the
    /// catalogue's order that are not in the user's history, which is what masking and selecting would keep.
    /// </summary>
    private CandidateList Cut(int user, int depth, int[]? sponsoredOrder, GlobalOrder global)
    {
        var history = UserQuery.ForUser(Training, user).History.Span;
        var items = new int[depth];
        var top = KeepScores ? new float[depth] : [];
        var count = 0;
        // The history as bits, instead of a binary search per item of the global order (2.3% of ab-large's CPU, under
        // 0.4% with the bits). The bits are cleared again below, so the thread's mask is all zeros between cuts.
        var bits = Math.Max(World.Items.Count, Training.ItemCount);
        var seen = _seenMask is { } mask && mask.Length * 64L >= bits ? mask : _seenMask = new ulong[(bits + 63) / 64];
        foreach (var item in history)
            seen[item >> 6] |= 1UL << item;
        foreach (var item in global.Items)
        {
            if (count == depth)
                break;
            if ((seen[item >> 6] & (1UL << item)) != 0)
                continue;
            items[count] = item;
            if (top.Length > 0)
                top[count] = global.Scores[item];
            count++;
        }
        foreach (var item in history)
            seen[item >> 6] = 0;
        sponsoredOrder ??= Sponsored is null ? [] : SponsoredOrder(global.Scores, history, Sponsored.Items);
        return Finish(items, top, count, depth, sponsoredOrder);
    }

    /// <summary>The list of the <paramref name="count"/> items ranked when <paramref name="depth"/> were asked for (scores empty when not kept).</summary>
    private CandidateList Finish(int[] items, float[] top, int count, int depth, int[] sponsoredOrder)
    {
        if (count < depth)
        {
            Array.Resize(ref items, count);
            if (top.Length > 0)
                Array.Resize(ref top, count);
        }
        return new CandidateList(items, top, count, IsComplete(count, depth), sponsoredOrder);
    }

    /// <summary>Whether <paramref name="count"/> items ranked when <paramref name="depth"/> were asked for are every item the model can list.</summary>
    private bool IsComplete(int count, int depth) => count < depth || depth == World.Items.Count;

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
