namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Base of RecLab's metrics that look at the first N entries of each list (<c>ndcg@10</c>, <c>coverage@10</c>, ...):
/// it checks N and builds the canonical name. Other implementations can implement the metric interfaces directly.
/// </summary>
public abstract class CutoffMetric
{
    private protected CutoffMetric(string name, int n, bool higherIsBetter = true)
    {
        N = Cutoff.Check(n);
        Name = Cutoff.Name(name, n);
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>List length the metric looks at (the <c>@N</c>).</summary>
    public int N { get; }

    /// <summary>Canonical lower-case name, <c>name@N</c>, parseable by <see cref="MetricSpec.Parse"/>.</summary>
    public string Name { get; }

    /// <summary>True when larger values are better.</summary>
    public bool HigherIsBetter { get; }
}
