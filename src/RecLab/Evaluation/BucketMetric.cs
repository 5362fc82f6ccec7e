namespace RecLab.Evaluation;

/// <summary>One per-user metric averaged over the users of one activity bucket.</summary>
/// <param name="Name">Metric name, e.g. <c>ndcg@10</c>.</param>
/// <param name="Mean">Mean over the bucket's users with a defined value.</param>
/// <param name="Count">Users the mean is over.</param>
public sealed record BucketMetric(string Name, double Mean, int Count);
