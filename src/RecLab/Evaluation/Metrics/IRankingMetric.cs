namespace RecLab.Evaluation.Metrics;

/// <summary>An accuracy metric of one top-N list against one user's relevant items: a pure function.</summary>
public interface IRankingMetric : IMetric
{
    /// <summary>List length the metric looks at (the <c>@N</c>).</summary>
    int N { get; }

    /// <summary>The value for one list (best first; may be shorter than N) and a non-empty relevant set.</summary>
    double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant);
}
