namespace RecLab.Data;

/// <summary>The figures <c>reclab data info</c> prints about a dataset.</summary>
public sealed record DatasetSummary
{
    /// <summary>Dataset name.</summary>
    public required string Name { get; init; }

    /// <summary>Users in the id space.</summary>
    public required int Users { get; init; }

    /// <summary>Items in the catalogue (id space), rated or not.</summary>
    public required int Items { get; init; }

    /// <summary>Items with at least one interaction.</summary>
    public required int RatedItems { get; init; }

    /// <summary>Number of interactions.</summary>
    public required int Interactions { get; init; }

    /// <summary>Interactions / (users x rated items).</summary>
    public required double Density { get; init; }

    /// <summary><c>explicit</c> or <c>implicit</c>.</summary>
    public required string Feedback { get; init; }

    /// <summary>Rating scale of explicit data.</summary>
    public RatingScale? Scale { get; init; }

    /// <summary>Count of each distinct value (ratings), ascending; null when there are too many distinct values.</summary>
    public IReadOnlyList<KeyValuePair<float, int>>? ValueDistribution { get; init; }

    /// <summary>Mean value.</summary>
    public required double MeanValue { get; init; }

    /// <summary>Interactions per user: min, median, max.</summary>
    public required (int Min, double Median, int Max) PerUser { get; init; }

    /// <summary>Interactions per rated item: min, median, max.</summary>
    public required (int Min, double Median, int Max) PerItem { get; init; }

    /// <summary>First and last timestamp (UTC), when the data has timestamps.</summary>
    public (DateTimeOffset First, DateTimeOffset Last)? TimeSpan { get; init; }

    /// <summary>Item feature counts by field, when there are item features.</summary>
    public IReadOnlyList<KeyValuePair<string, int>>? ItemFeatureFields { get; init; }

    /// <summary>Items that have at least one feature.</summary>
    public int? ItemsWithFeatures { get; init; }

    /// <summary>User feature fields with their number of categories.</summary>
    public IReadOnlyList<KeyValuePair<string, int>>? UserFeatureFields { get; init; }

    /// <summary>Lines skipped and duplicates merged while loading.</summary>
    public required long SkippedLines { get; init; }

    /// <summary>Duplicate (user, item) rows resolved while loading.</summary>
    public required long Duplicates { get; init; }

    /// <summary>Computes the summary.</summary>
    public static DatasetSummary Of(Dataset dataset)
    {
        var data = dataset.Interactions;
        var ratedItems = data.ActiveItemCount();
        var activeUsers = data.ActiveUserCount();
        var values = data.ValueColumn;
        var distinct = new SortedDictionary<float, int>();
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
            if (distinct.Count <= 50 || distinct.ContainsKey(v))
                distinct[v] = distinct.GetValueOrDefault(v) + 1;
        }
        (DateTimeOffset, DateTimeOffset)? span = null;
        if (data.HasTimestamps && data.Count > 0)
        {
            long min = long.MaxValue, max = long.MinValue;
            for (var r = 0; r < data.Count; r++)
            {
                var t = data.TimestampAt(r);
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
            span = (DateTimeOffset.FromUnixTimeSeconds(min), DateTimeOffset.FromUnixTimeSeconds(max));
        }
        return new DatasetSummary
        {
            Name = dataset.Name,
            Users = data.UserCount,
            Items = data.ItemCount,
            RatedItems = ratedItems,
            Interactions = data.Count,
            Density = activeUsers == 0 || ratedItems == 0 ? 0 : (double)data.Count / ((double)activeUsers * ratedItems),
            Feedback = data.Kind == FeedbackKind.Explicit ? "explicit" : "implicit",
            Scale = data.Scale,
            ValueDistribution = distinct.Count > 50 ? null : distinct.ToList(),
            MeanValue = data.Count == 0 ? 0 : sum / data.Count,
            PerUser = Spread(data.ByUser),
            PerItem = Spread(data.ByItem),
            TimeSpan = span,
            ItemFeatureFields = dataset.ItemFeatures?.FieldCounts(),
            ItemsWithFeatures = dataset.ItemFeatures?.ItemsWithFeatures(),
            UserFeatureFields = dataset.UserFeatures is { } uf
                ? uf.Fields.Select((f, i) => new KeyValuePair<string, int>(f, uf.Categories(i).Count)).ToList()
                : null,
            SkippedLines = dataset.Report.SkippedLines,
            Duplicates = dataset.Report.Duplicates,
        };
    }

    private static (int, double, int) Spread(CsrMatrix m)
    {
        var lengths = new List<int>(m.RowCount);
        for (var r = 0; r < m.RowCount; r++)
            if (m.RowLength(r) > 0)
                lengths.Add(m.RowLength(r));
        if (lengths.Count == 0)
            return (0, 0, 0);
        lengths.Sort();
        var n = lengths.Count;
        var median = n % 2 == 1 ? lengths[n / 2] : (lengths[n / 2 - 1] + lengths[n / 2]) / 2.0;
        return (lengths[0], median, lengths[^1]);
    }
}
