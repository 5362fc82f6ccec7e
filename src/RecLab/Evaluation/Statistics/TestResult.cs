namespace RecLab.Evaluation.Statistics;

/// <summary>The outcome of one significance test comparing A with B (differences are A − B).</summary>
/// <param name="Test">Which test: <c>paired-t</c>, <c>wilcoxon</c>, <c>welch-t</c> or <c>sign</c>.</param>
/// <param name="Statistic">The test statistic: t for the t-tests, W+ (sum of the ranks of positive differences, R's V) for Wilcoxon, the wins for the sign test.</param>
/// <param name="PValue">Two-sided p-value, unadjusted.</param>
/// <param name="MeanDifference">Mean of A minus mean of B (for paired tests, the mean of the per-pair differences over all pairs).</param>
/// <param name="EffectSize">Standardized effect; which one is named by <see cref="EffectSizeName"/>.</param>
/// <param name="N">Observations the test used: pairs for the paired t-test, non-zero differences for Wilcoxon, both samples together for Welch.</param>
public sealed record TestResult(string Test, double Statistic, double PValue, double MeanDifference, double EffectSize, int N)
{
    /// <summary>Degrees of freedom of the t distribution (NaN for Wilcoxon).</summary>
    public double DegreesOfFreedom { get; init; } = double.NaN;

    /// <summary>The kind of <see cref="EffectSize"/>: Cohen's <c>d_z</c>, Cohen's <c>d</c>, or the matched-pairs rank-biserial <c>r</c>.</summary>
    public string EffectSizeName { get; init; } = "";

    /// <summary>The p-value adjusted for multiple comparisons (e.g. <see cref="MultipleComparisons.Holm(IReadOnlyList{TestResult})"/>), NaN until adjusted.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;
}
