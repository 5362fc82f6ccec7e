using RecLab.Evaluation.Statistics;

namespace RecLab.Evaluation;

/// <summary>Two configurations compared on one metric, user by user (paired on fold and user).</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="A">Label of the first configuration.</param>
/// <param name="B">Label of the second configuration.</param>
/// <param name="Pairs">Number of (fold, user) pairs both have a value for.</param>
/// <param name="MeanDifference">Mean of A − B over the pairs.</param>
/// <param name="DifferenceInterval">Bootstrap confidence interval of the mean difference.</param>
/// <param name="TTest">Paired t-test, with its Holm-adjusted p-value across the comparisons of this metric.</param>
/// <param name="Wilcoxon">Wilcoxon signed-rank test, with its Holm-adjusted p-value across the comparisons of this metric.</param>
public sealed record PairedComparison(string Metric, string A, string B, int Pairs, double MeanDifference,
    ConfidenceInterval DifferenceInterval, TestResult TTest, TestResult Wilcoxon)
{
    /// <summary>The onboarding size both were measured with, in an onboarding curve; else null.</summary>
    public int? OnboardingSize { get; init; }
}
