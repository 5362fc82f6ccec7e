namespace RecLab.Recommenders.Hybrid;

/// <summary>The ranking loss feature-augmented MF is trained with.</summary>
public enum FeatureMfLoss
{
    /// <summary>Bayesian personalised ranking: <c>−ln σ(x_ui − x_uj)</c> for one sampled negative j.</summary>
    Bpr,

    /// <summary>
    /// Weighted approximate-rank pairwise (Weston et al. 2011): negatives are drawn until one violates the margin,
    /// <c>x_uj &gt; x_ui − 1</c>, at draw N; the hinge is weighted by <c>ln⌊(m − 1)/N⌋</c>, an estimate of the positive's rank.
    /// </summary>
    Warp,
}
