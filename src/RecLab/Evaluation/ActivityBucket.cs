namespace RecLab.Evaluation;

/// <summary>
/// The users whose known activity (interactions in their query history: training interactions plus the onboarding
/// ones handed to the query) lies in [<see cref="Min"/>, <see cref="Max"/>], with their per-user metrics averaged.
/// </summary>
public sealed record ActivityBucket
{
    /// <summary>Readable range, e.g. <c>1-5</c>, <c>101+</c>, <c>0</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Smallest activity in the bucket.</summary>
    public required int Min { get; init; }

    /// <summary>Largest activity in the bucket, or null for the open last bucket.</summary>
    public int? Max { get; init; }

    /// <summary>Evaluated users in the bucket.</summary>
    public required int Users { get; init; }

    /// <summary>The per-user metrics' means over the bucket, in the order of the result's metrics.</summary>
    public required IReadOnlyList<BucketMetric> Metrics { get; init; }

    /// <summary>The bucket's mean of a metric.</summary>
    public BucketMetric this[string name] =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"No metric '{name}' in bucket {Label}.");
}
