namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// How <see cref="Sar"/> turns the item co-occurrence counts <c>C_ij</c> (users who have both items) into similarities,
/// as Microsoft Recommenders' <c>similarity_type</c>.
/// </summary>
public enum SarSimilarity
{
    /// <summary><c>C_ij / (C_ii + C_jj - C_ij)</c>: between co-occurrence and lift (SAR's default).</summary>
    Jaccard,

    /// <summary><c>C_ij / (C_ii C_jj)</c>: favours items liked by a small audience.</summary>
    Lift,

    /// <summary><c>C_ij</c>: favours popular items.</summary>
    Cooccurrence,
}
