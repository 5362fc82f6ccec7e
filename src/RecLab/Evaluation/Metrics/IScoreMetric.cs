namespace RecLab.Evaluation.Metrics;

/// <summary>A metric over a user's full score vector rather than a truncated list (AUC).</summary>
public interface IScoreMetric : IMetric
{
    /// <summary>
    /// The value for one user: <paramref name="scores"/> has one slot per item, NaN for items that are not candidates
    /// (training items, unscorable items); <paramref name="relevant"/> is non-empty.
    /// </summary>
    double Measure(ReadOnlySpan<float> scores, RelevanceSet relevant);
}
