namespace RecLab.Evaluation.Statistics;

/// <summary>
/// Sequential monitoring of an A/B test that is looked at every day: the naive daily Welch p-values and the
/// always-valid p-values of the mixture sequential probability ratio test (mSPRT; Johari, Koomen, Pekelis and
/// Walsh 2017, "Peeking at A/B tests"), which may be checked after every look without inflating the false-positive rate.
/// </summary>
public static class SequentialTests
{
    /// <summary>
    /// The normal-mixture likelihood ratio for a difference estimate <c>Δ</c> with variance <c>V</c> (for per-user means,
    /// <c>V = s_T²/n_T + s_C²/n_C</c>) and a N(0, τ²) mixture over the true difference:
    /// <c>Λ = sqrt(V / (V + τ²)) · exp(τ² Δ² / (2 V (V + τ²)))</c>. With equal arms of n users and known σ, V = 2σ²/n and this
    /// is Johari et al.'s <c>sqrt(2σ² / (2σ² + nτ²)) exp(n²τ²Δ² / (4σ²(2σ² + nτ²)))</c>.
    /// </summary>
    public static double MixtureLikelihoodRatio(double difference, double variance, double mixtureVariance)
    {
        if (!(mixtureVariance > 0))
            throw new ArgumentOutOfRangeException(nameof(mixtureVariance), mixtureVariance, "The mixture variance τ² must be positive.");
        if (double.IsNaN(difference) || !(variance > 0))
            return double.NaN;
        var total = variance + mixtureVariance;
        return Math.Sqrt(variance / total) * Math.Exp(mixtureVariance * difference * difference / (2 * variance * total));
    }

    /// <summary>
    /// Monitors a test day by day. Look d compares the cumulative per-user values of each arm up to that day
    /// (users who have not arrived yet may be left out or NaN). Each look gets Welch's p-value (what a naive daily peek
    /// sees) and the always-valid p-value <c>p_d = min(1, p_{d−1}, 1/Λ_d)</c>. The report names the first look at which
    /// each would stop at <paramref name="alpha"/> and warns when the naive peek would have stopped a test that the
    /// always-valid p-value does not support at that look.
    /// </summary>
    /// <param name="control">Per-user cumulative values of the control arm, one array per look.</param>
    /// <param name="treatment">The same for the treatment arm.</param>
    /// <param name="alpha">Significance level.</param>
    /// <param name="mixtureVariance">τ²: the prior variance of the difference; choose it near the square of the effects you expect
    /// (Johari et al. show the power is insensitive to it within an order of magnitude).</param>
    public static SequentialReport Monitor(IReadOnlyList<double[]> control, IReadOnlyList<double[]> treatment, double alpha, double mixtureVariance)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Count != treatment.Count)
            throw new ArgumentException($"Both arms need the same looks: {control.Count} against {treatment.Count}.", nameof(treatment));
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie strictly between 0 and 1.");
        var looks = new SequentialLook[control.Count];
        var alwaysValid = 1.0;
        int? naiveStop = null, validStop = null;
        for (var d = 0; d < looks.Length; d++)
        {
            var comparison = AbTests.MeanDifference(control[d], treatment[d]);
            var variance = comparison.StandardError * comparison.StandardError;
            var lambda = MixtureLikelihoodRatio(comparison.Difference.Estimate, variance, mixtureVariance);
            if (!double.IsNaN(lambda))
                alwaysValid = Math.Min(alwaysValid, 1 / lambda);
            looks[d] = new SequentialLook(d, comparison.Difference.Estimate, comparison.StandardError, comparison.PValue, alwaysValid);
            if (naiveStop is null && comparison.PValue < alpha)
                naiveStop = d;
            if (validStop is null && alwaysValid < alpha)
                validStop = d;
        }
        var warning = naiveStop is { } n && (validStop is null || validStop > n);
        return new SequentialReport(looks, naiveStop, validStop, warning);
    }
}
