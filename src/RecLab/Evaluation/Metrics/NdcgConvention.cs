namespace RecLab.Evaluation.Metrics;

/// <summary>Which of the two common NDCG definitions <see cref="Ndcg"/> computes.</summary>
public enum NdcgConvention
{
    /// <summary>
    /// <c>ndcg@N</c>: discount <c>1 / log2(k + 1)</c>, ideal DCG over the <c>min(N, |R|)</c> largest gains (Microsoft
    /// Recommenders, implicit, RecBole).
    /// </summary>
    Standard,

    /// <summary>
    /// <c>lenskit-ndcg@N</c>: LensKit's <c>NDCG()</c> as its getting-started calls it: discount
    /// <c>1 / max(1, log2 k)</c> (Järvelin and Kekäläinen's original, so ranks 1 and 2 are both undiscounted) and the
    /// ideal DCG over all <c>|R|</c> relevant items, not truncated at N (lkpy's <c>NDCG</c> with no <c>n</c>,
    /// measuring a list that was cut at N when it was generated).
    /// </summary>
    LensKit,
}
