using RecLab.Randomness;

namespace RecLab.Simulation.Policies;

/// <summary>
/// Cuts one session's slate from a policy's cached ranking: sponsored items at the campaign's positions, otherwise the
/// next eligible ranked item (not seen, not already in the slate, its creator under the daily cap), replaced with
/// probability epsilon by a random catalogue item, or chosen by MMR among the next eligible candidates. When the
/// ranking runs dry it is deepened, then backfilled by training popularity.
/// </summary>
internal static class SlateBuilder
{
    private const int ExploreAttempts = 32;

    /// <summary>Fills up to <c>slate.Length</c> slots; returns how many (fewer only when nothing eligible is left).</summary>
    public static int Build(Policy policy, int user, Viewer viewer, DayCounters today, ref Rng rng, Span<int> slate, Span<bool> sponsored)
    {
        if (!ReferenceEquals(viewer.Policy, policy))
        {
            viewer.Policy = policy;
            viewer.Cursor = 0;
            viewer.BackfillCursor = 0;
        }
        var options = policy.Slate;
        var campaign = policy.Sponsored;
        var reachable = campaign is not null && (campaign.Channels is null || campaign.Channels.ContainsKey(user));
        var creators = policy.World.Items;
        var count = 0;
        for (var k = 0; k < slate.Length; k++)
        {
            if (reachable && today.Sponsored < campaign!.MaxPerUserPerDay && IsSponsoredPosition(campaign, k))
            {
                var ad = FirstNotIn(policy.Candidates(user, options.CandidateDepth).SponsoredOrder, slate[..count]);
                if (ad >= 0)
                {
                    slate[count] = ad;
                    sponsored[count] = true;
                    today.Sponsored++;
                    count++;
                    continue;
                }
            }
            var item = -1;
            if (policy.Exploration is { } exploration && viewer.ExploreItems.Count > 0)
                item = FromExploreOrder(policy, user, viewer, today, slate[..count], exploration.Epsilon, ref rng);
            if (item < 0 && options.Epsilon > 0 && rng.NextDouble() < options.Epsilon)
                item = Explore(policy, user, viewer, today, slate[..count], ref rng);
            if (item < 0)
                item = options.DiversityLambda < 1
                    ? Diverse(policy, user, viewer, today, slate[..count], sponsored[..count])
                    : NextRanked(policy, user, viewer, today, slate[..count]);
            if (item < 0)
                break;
            slate[count] = item;
            sponsored[count] = false;
            today.Add(creators.Creator(item));
            count++;
        }
        return count;
    }

    /// <summary>
    /// The next eligible candidate in the exploration arm's order for today, or with probability ε (ε-greedy) a random
    /// eligible one of them; -1 when none is left (the base ranking and the backfill take over).
    /// </summary>
    private static int FromExploreOrder(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate, double epsilon, ref Rng rng)
    {
        var order = viewer.ExploreItems;
        var cursor = viewer.ExploreCursor;
        while (cursor < order.Count && viewer.Seen.Contains(order[cursor]))
            cursor++;
        viewer.ExploreCursor = cursor;
        if (cursor >= order.Count)
            return -1;
        if (epsilon > 0 && rng.NextDouble() < epsilon)
        {
            for (var attempt = 0; attempt < ExploreAttempts; attempt++)
            {
                var item = order[cursor + rng.NextInt(order.Count - cursor)];
                if (Eligible(policy, user, viewer, today, slate, item))
                    return item;
            }
        }
        for (var j = cursor; j < order.Count; j++)
            if (Eligible(policy, user, viewer, today, slate, order[j]))
                return order[j];
        return -1;
    }

    private static bool IsSponsoredPosition(SponsoredSlots campaign, int k)
    {
        foreach (var p in campaign.Positions)
            if (p == k)
                return true;
        return false;
    }

    private static int FirstNotIn(int[] order, ReadOnlySpan<int> slate)
    {
        foreach (var item in order)
            if (!slate.Contains(item))
                return item;
        return -1;
    }

    private static bool Eligible(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate, int item)
    {
        if (viewer.Seen.Contains(item) || slate.Contains(item))
            return false;
        return policy.Slate.CreatorCapPerDay is not { } cap || today.Of(policy.World.Items.Creator(item)) < cap;
    }

    /// <summary>The next eligible item in ranking order, deepening the ranking as needed, then from the backfill; -1 when none is left.</summary>
    private static int NextRanked(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate)
    {
        var ranking = policy.Candidates(user, policy.Slate.CandidateDepth);
        while (true)
        {
            var items = ranking.Items;
            var cursor = viewer.Cursor;
            while (cursor < items.Length && viewer.Seen.Contains(items[cursor]))
                cursor++;
            viewer.Cursor = cursor;
            for (var j = cursor; j < items.Length; j++)
                if (Eligible(policy, user, viewer, today, slate, items[j]))
                    return items[j];
            if (ranking.Complete)
                break;
            ranking = policy.Candidates(user, items.Length * 4);
        }
        return FromBackfill(policy, user, viewer, today, slate);
    }

    private static int FromBackfill(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate)
    {
        var backfill = policy.Backfill;
        var history = policy.Training.ByUser.RowIndices(user);
        var cursor = viewer.BackfillCursor;
        while (cursor < backfill.Length && viewer.Seen.Contains(backfill[cursor]))
            cursor++;
        viewer.BackfillCursor = cursor;
        for (var j = cursor; j < backfill.Length; j++)
        {
            var item = backfill[j];
            // Ranked items were offered before the backfill, so what is left here is what the model could not score.
            if (history.BinarySearch(item) < 0 && Eligible(policy, user, viewer, today, slate, item))
                return item;
        }
        return -1;
    }

    private static int Explore(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate, ref Rng rng)
    {
        var history = policy.Training.ByUser.RowIndices(user);
        var n = policy.World.Items.Count;
        for (var attempt = 0; attempt < ExploreAttempts; attempt++)
        {
            var item = rng.NextInt(n);
            if (history.BinarySearch(item) < 0 && Eligible(policy, user, viewer, today, slate, item))
                return item;
        }
        return -1;
    }

    /// <summary>MMR over the next eligible candidates: <c>argmax λ·rel(i) − (1 − λ)·max_j sim(i, j)</c>, j over the organic items placed.</summary>
    private static int Diverse(Policy policy, int user, Viewer viewer, DayCounters today, ReadOnlySpan<int> slate, ReadOnlySpan<bool> sponsored)
    {
        var options = policy.Slate;
        var ranking = policy.Candidates(user, options.CandidateDepth);
        Span<int> pool = stackalloc int[Math.Min(options.DiversityPool, 256)];
        Span<float> relevance = stackalloc float[pool.Length];
        var size = 0;
        while (size == 0)
        {
            var items = ranking.Items;
            var cursor = viewer.Cursor;
            while (cursor < items.Length && viewer.Seen.Contains(items[cursor]))
                cursor++;
            viewer.Cursor = cursor;
            for (var j = cursor; j < items.Length && size < pool.Length; j++)
            {
                if (!Eligible(policy, user, viewer, today, slate, items[j]))
                    continue;
                pool[size] = items[j];
                relevance[size] = ranking.Scores[j];
                size++;
            }
            if (size > 0 || ranking.Complete)
                break;
            ranking = policy.Candidates(user, items.Length * 4);
        }
        if (size == 0)
            return NextRanked(policy, user, viewer, today, slate);

        // Scores are comparable within a query only: rescale them to [0, 1] over the pool.
        float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
        for (var j = 0; j < size; j++)
        {
            lo = Math.Min(lo, relevance[j]);
            hi = Math.Max(hi, relevance[j]);
        }
        var lambda = (float)options.DiversityLambda;
        var similarity = policy.Similarity;
        var best = -1;
        var bestValue = float.NegativeInfinity;
        for (var j = 0; j < size; j++)
        {
            var rel = hi > lo ? (relevance[j] - lo) / (hi - lo) : 1f;
            var maxSim = 0f;
            for (var p = 0; p < slate.Length; p++)
                if (!sponsored[p])
                    maxSim = Math.Max(maxSim, similarity.Cosine(pool[j], slate[p]));
            var value = lambda * rel - (1 - lambda) * maxSim;
            if (value > bestValue)
            {
                bestValue = value;
                best = pool[j];
            }
        }
        return best;
    }
}
