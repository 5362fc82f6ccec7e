using RecLab.Charts;
using RecLab.Charts.Plots;
using RecLab.Evaluation;

namespace RecLab.Notebooks;

/// <summary>Evaluation results as RecLab's standard charts.</summary>
public static class ResultChart
{
    /// <summary>One bar per algorithm for <paramref name="metric"/> (e.g. <c>ndcg@10</c>), with its confidence interval.</summary>
    /// <exception cref="KeyNotFoundException">A result lacks the metric.</exception>
    public static Figure MetricBars(IEnumerable<CrossValidationResult> results, string metric) =>
        StandardPlots.MetricBars(results.Select(r => Estimate(r.Label, r[metric])), metric + " by algorithm");

    /// <summary>One bar per evaluated model for <paramref name="metric"/>.</summary>
    /// <exception cref="KeyNotFoundException">A result lacks the metric.</exception>
    public static Figure MetricBars(IEnumerable<EvaluationResult> results, string metric) =>
        StandardPlots.MetricBars(results.Select(r => Estimate(r.Algorithm, r[metric])), metric + " by algorithm");

    private static MetricEstimate Estimate(string algorithm, MetricResult metric) =>
        new(algorithm, metric.Name, metric.Value, metric.CiLow ?? double.NaN, metric.CiHigh ?? double.NaN);
}
