namespace RecLab.Internal.Kernels;

/// <summary>
/// A statistic over the co-rated pairs of two rows x and x' (the y both have a value for), computed by
/// <see cref="PairStatistics"/>. Rows are users or items; values may have been centred beforehand.
/// </summary>
internal enum PairMeasure
{
    /// <summary><c>sum r r' / sqrt(sum r^2 * sum r'^2)</c> over the common support (0 when the denominator is 0).</summary>
    Cosine,

    /// <summary><c>1 / (msd + 1)</c>, <c>msd = sum (r - r')^2 / n</c>.</summary>
    Msd,

    /// <summary>Pearson correlation over the common support, centred on the means of the common support (Surprise's <c>pearson</c>).</summary>
    Pearson,

    /// <summary>Mean difference <c>sum (r - r') / n</c> (Slope One's deviation; antisymmetric).</summary>
    MeanDifference,

    /// <summary>
    /// Plain dot product <c>sum r r'</c> (implicit-feedback kNN: normalisation and weighting are applied to the values
    /// beforehand, and the row side may be scaled differently from the column side).
    /// </summary>
    Dot,
}
