namespace RecLab.Recommenders.Hybrid;

/// <summary>How a weighted hybrid learns its weights on a validation split carved from the training data.</summary>
public enum WeightFitting
{
    /// <summary>Every weight vector on a simplex grid (step <see cref="WeightedHybridOptions.GridStep"/>); the best validation NDCG@10 wins.</summary>
    Grid,

    /// <summary>Least squares of relevance (1 for held-out items, 0 for sampled others) on the normalized scores.</summary>
    LeastSquares,
}
