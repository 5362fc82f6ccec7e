using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Draws the historical log: for each user, day and session, the logging policy fills a slate as long as the
/// session's attention budget and the user responds by the ground truth, with fatigue carried across the days.
/// Users are independent, so blocks of users run in parallel, each block from its own stream, and the blocks'
/// rows are concatenated in block order.
/// </summary>
internal static class LogGenerator
{
    public const int Block = 128;
    public const int MaxSlate = 200;
    private const int MaxSessionsPerDay = 256;
    private const int SecondsPerDay = 86_400;
    private const int SecondsPerSlot = 5;

    private sealed class Scratch(int creators, float decay)
    {
        public readonly CreatorExposures Exposures = new(creators, decay);
        public readonly int[] Slate = new int[MaxSlate];
        public readonly int[] Candidates = new int[MaxSlate];
        public readonly double[] Uniforms = new double[MaxSlate];
        public readonly float[] Propensities = new float[MaxSlate];
        public readonly int[] Follows = new int[creators];
        public readonly int[] Sessions = new int[MaxSessionsPerDay];
        public readonly LogBuffer Clicks = new();
        public readonly LogBuffer Impressions = new();
    }

    public static WorldLog Generate(World world, ParallelOptions parallel, Action<double>? progress)
    {
        var o = world.Options;
        var n = world.Users.Count;
        var kept = KeptUsers(o, n);
        var rows = new ResponseRows(world.Items, world.Topics.Count);
        var blocks = (n + Block - 1) / Block;
        var clickParts = new LogChunk?[blocks];
        var impressionParts = new LogChunk?[blocks];
        var totals = new LogTotals[blocks];
        var done = 0;
        var gate = new object();
        Parallel.For(0, blocks, parallel, () => new Scratch(world.Creators.Count, (float)o.FatigueDecay), (b, _, scratch) =>
        {
            totals[b] = GenerateBlock(world, rows, b, kept, scratch.Clicks, scratch.Impressions, scratch);
            clickParts[b] = scratch.Clicks.TakeChunk();
            impressionParts[b] = scratch.Impressions.TakeChunk();
            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % Math.Max(1, blocks / 50) == 0 || finished == blocks))
                lock (gate)
                    progress((double)finished / blocks);
            return scratch;
        }, _ => { });
        var sum = new LogTotals();
        foreach (var t in totals)
            sum = sum.Add(t);
        var clickTable = LogTable.Concatenate(world.StartUnixSeconds, clickParts);
        var impressionTable = LogTable.Concatenate(world.StartUnixSeconds, impressionParts);
        return new WorldLog(clickTable, impressionTable, kept, sum);
    }

    /// <summary>Users whose impressions are kept: a per-user uniform draw below the share (independent of blocks).</summary>
    private static bool[] KeptUsers(WorldOptions o, int n)
    {
        var kept = new bool[n];
        var seed = Seeds.Derive(o.Seed, (ulong)StreamKind.Retention);
        for (var u = 0; u < n; u++)
            kept[u] = (Seeds.Derive(seed, (ulong)u) >> 11) * (1.0 / (1UL << 53)) < o.ImpressionLogShare;
        return kept;
    }

    private static LogTotals GenerateBlock(World world, ResponseRows rows, int block, bool[] kept, LogBuffer clicks, LogBuffer impressions, Scratch scratch)
    {
        var o = world.Options;
        var users = world.Users;
        var items = world.Items;
        var policy = world.Policy;
        var rng = Seeds.Stream(Seeds.Derive(o.Seed, (ulong)StreamKind.Log), (ulong)block);
        long sessions = 0, shown = 0, examinedCount = 0, clickCount = 0, likes = 0, purchases = 0, productClicks = 0, ratings = 0;
        var revenue = 0.0;
        var end = Math.Min(users.Count, (block + 1) * Block);
        for (var u = block * Block; u < end; u++)
        {
            var exposures = scratch.Exposures;
            exposures.NextUser();
            var taste = users.Taste(u);
            var activity = users.Activity(u);
            var attention = users.Attention(u);
            var keep = kept[u];
            for (var day = 0; day < o.Days; day++)
            {
                var count = Math.Min(rng.Poisson(activity), MaxSessionsPerDay);
                var starts = scratch.Sessions.AsSpan(0, count);
                for (var s = 0; s < count; s++)
                    starts[s] = rng.NextInt(SecondsPerDay - SecondsPerSlot * MaxSlate);
                starts.Sort();
                sessions += count;
                if (count == 0)
                    continue;
                var context = policy.Begin(u, day, scratch.Follows);
                for (var s = 0; s < count; s++)
                {
                    var budget = Math.Clamp(1 + rng.Poisson(attention - 1), 1, MaxSlate);
                    var slate = scratch.Slate.AsSpan(0, budget);
                    var propensities = scratch.Propensities.AsSpan(0, budget);
                    // Propensities cost a lookup per slot: computed for every slot only when the impressions are kept,
                    // otherwise down to the lowest click.
                    var filled = policy.SampleSlate(in context, ref rng, slate, keep ? propensities : Span<float>.Empty, scratch.Candidates,
                        scratch.Uniforms);
                    var propensitiesDone = keep ? filled : 0;
                    var taken = 0.0;
                    shown += filled;
                    for (var k = 0; k < filled; k++)
                        rows.Prefetch(slate[k]);
                    for (var k = 0; k < filled; k++)
                    {
                        var item = slate[k];
                        var fatigue = exposures.AddAndGetPrevious(rows.Creator(item), day);
                        byte rating = 0;
                        var examined = world.Examines(k, ref rng);
                        var outcome = examined
                            ? world.RespondExamined(u, item, rows.Affinity(taste, item), fatigue, ref rng, out rating)
                            : Engagement.None;
                        var second = day * SecondsPerDay + starts[s] + SecondsPerSlot * k;
                        if (keep)
                            impressions.Add(u, item, second, k, propensities[k], outcome, rating);
                        if (examined)
                            examinedCount++;
                        if (outcome == Engagement.None)
                            continue;
                        policy.ExtendPropensities(in context, slate, propensities, ref propensitiesDone, ref taken, k);
                        clicks.Add(u, item, second, k, propensities[k], outcome, rating);
                        clickCount++;
                        if (items.Kind(item) == ItemKind.Product)
                            productClicks++;
                        if ((outcome & Engagement.Like) != 0)
                            likes++;
                        if ((outcome & Engagement.Purchase) != 0)
                        {
                            purchases++;
                            revenue += items.Price(item);
                        }
                        if (rating > 0)
                            ratings++;
                    }
                }
            }
        }
        return new LogTotals
        {
            Sessions = sessions, Impressions = shown, Examined = examinedCount, Clicks = clickCount, Likes = likes,
            Purchases = purchases, ProductClicks = productClicks, Ratings = ratings, Revenue = revenue,
        };
    }
}
