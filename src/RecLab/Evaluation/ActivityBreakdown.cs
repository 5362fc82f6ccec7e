using System.Globalization;

namespace RecLab.Evaluation;

/// <summary>
/// Results broken down by user activity: buckets given by their lower bounds (default 1, 6, 21, 101: the buckets
/// 1-5, 6-20, 21-100 and 101+ known interactions), each with the mean of every per-user metric over its users.
/// Users below the first bound (cold users with nothing in their history) get a bucket of their own. Computed from the
/// per-user values the evaluator keeps anyway, so it costs one pass over them.
/// </summary>
public static class ActivityBreakdown
{
    /// <summary>Lower bounds of the default buckets: 1-5, 6-20, 21-100, 101+.</summary>
    public static IReadOnlyList<int> DefaultBounds { get; } = [1, 6, 21, 101];

    /// <summary>Parses lower bounds such as <c>1,6,21,101</c> (non-negative, strictly ascending).</summary>
    /// <exception cref="ArgumentException">Empty, not a number, negative or not ascending.</exception>
    public static int[] ParseBounds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bounds = new int[parts.Length];
        for (var k = 0; k < parts.Length; k++)
            if (!int.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out bounds[k]))
                throw new ArgumentException($"Activity bucket bound '{parts[k]}' is not a non-negative whole number (e.g. 1,6,21,101).");
        CheckBounds(bounds);
        return bounds;
    }

    /// <summary>Throws unless the bounds are non-empty, non-negative and strictly ascending.</summary>
    public static void CheckBounds(IReadOnlyList<int> bounds)
    {
        if (bounds.Count == 0)
            throw new ArgumentException("Give at least one activity bucket bound (e.g. 1,6,21,101).");
        for (var k = 0; k < bounds.Count; k++)
            if (bounds[k] < 0 || (k > 0 && bounds[k] <= bounds[k - 1]))
                throw new ArgumentException($"Activity bucket bounds must be non-negative and strictly ascending; got {string.Join(",", bounds)}.");
    }

    /// <summary>
    /// The buckets of one evaluation: <paramref name="activity"/> gives every test user's activity, and every metric that
    /// is a mean over users is averaged per bucket over the users it has a value for. A bucket counts all its test users
    /// (also those a metric leaves out, e.g. without relevant items); buckets without users are left out.
    /// </summary>
    public static IReadOnlyList<ActivityBucket> Compute(IReadOnlyList<int> bounds, IReadOnlyList<MetricResult> metrics,
        IReadOnlyDictionary<int, int> activity)
    {
        CheckBounds(bounds);
        var edges = bounds[0] > 0 ? [0, .. bounds] : bounds.ToArray();
        var userMetrics = metrics.Where(m => m.IsUserMean && m.PerUser.Length > 0).ToList();
        var sums = new double[edges.Length, userMetrics.Count];
        var counts = new int[edges.Length, userMetrics.Count];
        var members = new int[edges.Length];
        foreach (var a in activity.Values)
            members[BucketOf(edges, a)]++;
        for (var m = 0; m < userMetrics.Count; m++)
        {
            var metric = userMetrics[m];
            for (var k = 0; k < metric.Users.Length; k++)
            {
                var b = BucketOf(edges, activity[metric.Users[k]]);
                var v = metric.PerUser[k];
                if (double.IsNaN(v))
                    continue;
                sums[b, m] += v;
                counts[b, m]++;
            }
        }
        var buckets = new List<ActivityBucket>();
        for (var b = 0; b < edges.Length; b++)
        {
            if (members[b] == 0)
                continue;
            var metricsOfBucket = new BucketMetric[userMetrics.Count];
            for (var m = 0; m < userMetrics.Count; m++)
                metricsOfBucket[m] = new BucketMetric(userMetrics[m].Name, counts[b, m] == 0 ? double.NaN : sums[b, m] / counts[b, m], counts[b, m]);
            buckets.Add(Bucket(edges, b, members[b], metricsOfBucket));
        }
        return buckets;
    }

    /// <summary>Pools the buckets of several folds: per label, users add up and means are weighted by their counts.</summary>
    public static IReadOnlyList<ActivityBucket> Pool(IEnumerable<IReadOnlyList<ActivityBucket>> folds)
    {
        var pooled = new List<ActivityBucket>();
        foreach (var group in folds.SelectMany(f => f).GroupBy(b => b.Label).OrderBy(g => g.First().Min))
        {
            var first = group.First();
            var metrics = first.Metrics.Select(m =>
            {
                var parts = group.Select(b => b.Metrics.FirstOrDefault(x => x.Name == m.Name)).Where(x => x is { Count: > 0 }).ToList();
                var count = parts.Sum(x => x!.Count);
                return new BucketMetric(m.Name, count == 0 ? double.NaN : parts.Sum(x => x!.Mean * x.Count) / count, count);
            }).ToList();
            pooled.Add(first with { Users = group.Sum(b => b.Users), Metrics = metrics });
        }
        return pooled;
    }

    /// <summary>The label of a bucket [min, max] (max null = open): <c>1-5</c>, <c>0</c>, <c>101+</c>.</summary>
    public static string Label(int min, int? max) =>
        max is null ? $"{min}+" : max == min ? min.ToString(CultureInfo.InvariantCulture) : $"{min}-{max}";

    private static int BucketOf(int[] edges, int activity)
    {
        var b = edges.Length - 1;
        while (b > 0 && activity < edges[b])
            b--;
        return b;
    }

    private static ActivityBucket Bucket(int[] edges, int b, int users, BucketMetric[] metrics)
    {
        int? max = b + 1 < edges.Length ? edges[b + 1] - 1 : null;
        return new ActivityBucket { Label = Label(edges[b], max), Min = edges[b], Max = max, Users = users, Metrics = metrics };
    }
}
