namespace RecLab.Evaluation.Metrics;

/// <summary>A metric of all users' lists together (catalogue coverage, Gini of exposure).</summary>
public interface ICatalogMetric : IMetric
{
    /// <summary>List length the metric looks at.</summary>
    int N { get; }

    /// <summary>The value from exposure counts: how many of the evaluated lists (top N) contain each item.</summary>
    double Measure(ReadOnlySpan<int> exposures, ListContext context);
}
