namespace RecLab.Recommenders;

/// <summary>
/// The mean of interaction values that baselines (the global mean, popularity priors, biases) and neighbourhood models
/// (Slope One, k-NN means) start from: here, beside both, so neither family borrows it from the other.
/// </summary>
internal static class ValueMean
{
    /// <summary>The mean of all values (0 for no data), accumulated in double.</summary>
    public static double Of(ReadOnlySpan<float> values)
    {
        double total = 0;
        foreach (var v in values)
            total += v;
        return values.Length == 0 ? 0 : total / values.Length;
    }
}
