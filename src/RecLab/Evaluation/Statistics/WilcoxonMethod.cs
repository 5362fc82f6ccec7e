namespace RecLab.Evaluation.Statistics;

/// <summary>How the Wilcoxon signed-rank test computes its p-value.</summary>
public enum WilcoxonMethod
{
    /// <summary><see cref="Exact"/> for at most <see cref="SignificanceTests.WilcoxonExactLimit"/> non-zero differences, <see cref="Normal"/> above.</summary>
    Auto,

    /// <summary>The exact permutation distribution of W+ given the observed (mid)ranks, by dynamic programming; up to 60 non-zero differences.</summary>
    Exact,

    /// <summary>The normal approximation with the tie correction of the variance and, optionally, a continuity correction.</summary>
    Normal,
}
