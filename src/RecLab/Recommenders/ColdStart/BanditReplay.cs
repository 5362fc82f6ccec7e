using RecLab.Data;

namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// Offline evaluation of a bandit by replay on logged data (Li et al. 2011) with the logging propensities: the
/// top-slot impressions are walked in time order; at each one the bandit chooses among the fresh catalogue (the
/// <c>poolSize</c> distinct items shown most recently, at any position: what production currently exposes, new items
/// from their first impression on, so the bandit must learn which of them to put on top); when it
/// chooses the logged item, the logged click is its reward, it learns from it, and the event counts with weight
/// <c>1 / p</c>, the propensity of the logged item. Because <c>p</c> is the probability that the logging policy showed
/// exactly that item, the IPS estimate is unbiased for any choice the logging policy could have made, also when it
/// did not pick uniformly at random.
/// </summary>
public static class BanditReplay
{
    /// <summary>Replays <paramref name="bandit"/> on <paramref name="log"/> (which must carry propensities).</summary>
    /// <exception cref="ArgumentException">The log has no propensities, or the pool size is below 1.</exception>
    public static BanditReplayResult Run(IBandit bandit, ImpressionLog log, int poolSize = 100)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        ArgumentNullException.ThrowIfNull(log);
        if (!log.HasPropensities)
            throw new ArgumentException("Replay weights events by the logging propensities; this log has none.", nameof(log));
        if (poolSize < 1)
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, "The pool must hold at least one item.");
        var pool = new List<int>(poolSize + 1);
        int events = 0, matches = 0, loggedClicks = 0;
        double rewards = 0, weights = 0;
        var users = log.UserColumn;
        var items = log.ItemColumn;
        var positions = log.Positions;
        var clicked = log.Clicked;
        var propensities = log.Propensities;
        foreach (var r in log.TimeOrder())
        {
            var item = items[r];
            if (positions[r] == 0 && pool.Count > 0)
            {
                events++;
                if (clicked[r])
                    loggedClicks++;
                if (bandit.Choose(users[r], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pool)) == item)
                {
                    matches++;
                    var w = 1.0 / propensities[r];
                    weights += w;
                    if (clicked[r])
                        rewards += w;
                    bandit.Update(users[r], item, clicked[r]);
                }
            }
            // Most recently shown last; the least recently shown leaves when the pool is full.
            pool.Remove(item);
            pool.Add(item);
            if (pool.Count > poolSize)
                pool.RemoveAt(0);
        }
        return new BanditReplayResult(bandit.Name, events, matches, events == 0 ? double.NaN : rewards / events,
            matches == 0 ? double.NaN : rewards / weights, events == 0 ? double.NaN : loggedClicks / (double)events);
    }
}
