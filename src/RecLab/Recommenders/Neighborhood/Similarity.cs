namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Similarity between two users (or two items) over their common support only (Surprise's definitions; <c>x</c> and
/// <c>x'</c> are the two rows, <c>y</c> runs over the ys both rated).
/// </summary>
public enum Similarity
{
    /// <summary><c>sum r_xy r_x'y / sqrt(sum r_xy^2 * sum r_x'y^2)</c>.</summary>
    Cosine,

    /// <summary>Pearson correlation over the common support, centred on the common-support means (Surprise's <c>pearson</c>).</summary>
    Pearson,

    /// <summary>
    /// Cosine of ratings centred on the mean of the other side: for item-kNN, user-mean centred (Sarwar et al.'s
    /// adjusted cosine); for user-kNN, item-mean centred.
    /// </summary>
    AdjustedCosine,

    /// <summary><c>1 / (msd + 1)</c>, <c>msd = mean (r_xy - r_x'y)^2</c> (Surprise's default).</summary>
    Msd,


    /// <summary>
    /// Cosine of baseline residuals <c>r_xy - b_xy</c> (baselines by ALS), shrunk by <c>(n - 1) / (n - 1 + shrinkage)</c>
    /// with shrinkage 100 unless set; pairs with fewer than 2 common ys get 0 (Surprise's <c>pearson_baseline</c>).
    /// </summary>
    PearsonBaseline,

    /// <summary>
    /// Cosine of the rows' own-mean-centred vectors over all ys, a missing rating counting 0: the common-support dot
    /// product over the norms of the whole rows (LensKit's item-kNN, which centres each item on its mean, and
    /// user-kNN, each user on theirs). Unlike <see cref="Cosine"/>, a pair with little support stays weak.
    /// </summary>
    CenteredCosine,
}
