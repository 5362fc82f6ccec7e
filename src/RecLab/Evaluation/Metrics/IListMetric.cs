namespace RecLab.Evaluation.Metrics;

/// <summary>A beyond-accuracy metric of one list on its own (novelty, intra-list diversity, popularity): a pure function.</summary>
public interface IListMetric : IMetric
{
    /// <summary>List length the metric looks at.</summary>
    int N { get; }

    /// <summary>The value for one list (best first; may be shorter than N); NaN when undefined (e.g. ILD of one item).</summary>
    double Measure(ReadOnlySpan<int> ranked, ListContext context);
}
