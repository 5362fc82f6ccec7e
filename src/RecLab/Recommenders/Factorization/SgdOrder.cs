namespace RecLab.Recommenders.Factorization;

/// <summary>The order in which an SGD epoch visits the training ratings.</summary>
public enum SgdOrder
{
    /// <summary>
    /// Surprise's order: users in a random order drawn once at fit, each user's ratings consecutively in a random
    /// order, the same every epoch (Surprise iterates <c>trainset.all_ratings()</c> of a shuffled fold and never
    /// reshuffles; LIBMF also visits each block user by user). Keeps a user's row in cache while it is updated.
    /// </summary>
    UserBlocks,

    /// <summary>All ratings in a fresh random order every epoch (textbook SGD).</summary>
    Shuffled,
}
