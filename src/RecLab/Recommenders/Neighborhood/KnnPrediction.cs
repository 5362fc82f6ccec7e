namespace RecLab.Recommenders.Neighborhood;

/// <summary>How a kNN rating predictor aggregates its k neighbours (Surprise's three classes).</summary>
public enum KnnPrediction
{
    /// <summary><c>sum sim * r / sum sim</c> (KNNBasic); fewer than MinNeighbors neighbours: the global mean.</summary>
    Basic,

    /// <summary><c>mu_x + sum sim * (r - mu_x') / sum sim</c> (KNNWithMeans); too few neighbours: <c>mu_x</c>.</summary>
    WithMeans,

    /// <summary><c>b_ui + sum sim * (r - b') / sum sim</c> with ALS baselines (KNNBaseline); too few neighbours: <c>b_ui</c>.</summary>
    Baseline,
}
