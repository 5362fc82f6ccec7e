namespace RecLab.Evaluation.Metrics;

/// <summary>A named evaluation metric (<c>ndcg@10</c>, <c>rmse</c>, <c>coverage@10</c>, ...).</summary>
public interface IMetric
{
    /// <summary>Canonical lower-case name, parseable by <c>MetricSpec.Parse</c>.</summary>
    string Name { get; }

    /// <summary>True when larger values are better (false for RMSE, MAE, Gini, popularity).</summary>
    bool HigherIsBetter { get; }
}
