namespace RecLab.Recommenders.Factorization;

/// <summary>How BPR draws the negative item of a (user, positive, negative) triple.</summary>
public enum NegativeSampling
{
    /// <summary>
    /// Uniformly over the items with training interactions (Rendle et al. 2009; cornac, whose item index holds only
    /// the training items).
    /// </summary>
    Uniform,

    /// <summary>
    /// In proportion to popularity: the item of a uniformly drawn training interaction, as implicit's BPR does.
    /// Popular items become negatives more often, which pushes the model away from plain popularity.
    /// </summary>
    Popularity,
}
