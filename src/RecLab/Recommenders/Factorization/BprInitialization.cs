namespace RecLab.Recommenders.Factorization;

/// <summary>How <see cref="Bpr"/> sets its parameters before the first epoch.</summary>
public enum BprInitialization
{
    /// <summary>
    /// implicit's <c>BayesianPersonalizedRanking</c>: user and item factors and the item biases uniform in
    /// <c>[-0.5, 0.5) / factors</c>.
    /// </summary>
    Implicit,

    /// <summary>
    /// cornac's <c>BPR</c> (<c>cornac/models/bpr/recom_bpr.pyx</c>): user and item factors uniform in
    /// <c>[-0.5, 0.5) / k</c>, item biases zero.
    /// </summary>
    Cornac,
}
