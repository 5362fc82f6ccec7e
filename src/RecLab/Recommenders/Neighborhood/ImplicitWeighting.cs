namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// How implicit-feedback kNN weights interactions before taking dot products (implicit's ItemItemRecommender family).
/// The rows compared are "documents" (items for item-kNN, users for user-kNN) and the other side are "terms".
/// </summary>
public enum ImplicitWeighting
{
    /// <summary>Rows scaled to unit L2 norm, so the dot product is the cosine (implicit's CosineRecommender).</summary>
    Cosine,

    /// <summary>
    /// Asymmetric cosine (Aiolli): <c>x . x' / (|x|^(2 alpha) |x'|^(2 (1 - alpha)))</c>, with x the row whose neighbours are
    /// listed; alpha 0.5 is the cosine.
    /// </summary>
    AsymmetricCosine,

    /// <summary>
    /// Okapi BM25 (implicit's BM25Recommender): <c>w = x (K1 + 1) / (K1 L + x) * idf</c>, <c>L = 1 - B + B len / mean len</c>,
    /// <c>idf = log N - log(1 + df)</c>; not normalised.
    /// </summary>
    Bm25,

    /// <summary><c>w = sqrt(x) * idf</c>, rows then scaled to unit norm (implicit's TFIDFRecommender).</summary>
    TfIdf,

    /// <summary>Raw values: the dot product counts (weighted) co-occurrences.</summary>
    None,
}
