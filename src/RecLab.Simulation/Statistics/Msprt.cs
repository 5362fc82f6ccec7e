namespace RecLab.Simulation.Statistics;

/// <summary>
/// The mixture sequential probability ratio test (Robbins 1970; Johari, Pekelis, Walsh 2017, "Always valid inference"):
/// for an estimate θ̂ ~ N(θ, V) and a N(0, τ²) mixture over the alternative, the likelihood ratio against θ = 0 is
/// <c>Λ = sqrt(V / (V + τ²)) · exp(θ̂²·τ² / (2·V·(V + τ²)))</c>. Λ is a martingale under the null, so by Ville's
/// inequality <c>p_n = min(1, min_{k ≤ n} 1/Λ_k)</c> is a p-value valid at every look: peeking daily and stopping at the
/// first <c>p_n &lt; α</c> keeps the false-positive rate at α.
/// </summary>
public static class Msprt
{
    /// <summary>The mixture likelihood ratio Λ of one look.</summary>
    /// <param name="estimate">θ̂.</param>
    /// <param name="variance">V, the variance of θ̂.</param>
    /// <param name="tau">τ, the scale of plausible effects (in the units of θ̂).</param>
    public static double LikelihoodRatio(double estimate, double variance, double tau)
    {
        if (!(tau > 0))
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "The mixture scale must be positive.");
        if (!(variance > 0) || double.IsNaN(estimate))
            return double.NaN;
        var t2 = tau * tau;
        return Math.Sqrt(variance / (variance + t2)) * Math.Exp(estimate * estimate * t2 / (2 * variance * (variance + t2)));
    }

    /// <summary>Always-valid p-values for a sequence of looks: the running minimum of <c>min(1, 1/Λ_k)</c> (undefined looks are skipped).</summary>
    public static double[] AlwaysValidPValues(ReadOnlySpan<double> estimates, ReadOnlySpan<double> variances, double tau)
    {
        if (estimates.Length != variances.Length)
            throw new ArgumentException("Give one variance per estimate.");
        var p = new double[estimates.Length];
        var running = 1.0;
        for (var k = 0; k < p.Length; k++)
        {
            var lr = LikelihoodRatio(estimates[k], variances[k], tau);
            if (!double.IsNaN(lr))
                running = Math.Min(running, Math.Min(1, 1 / lr));
            p[k] = running;
        }
        return p;
    }
}
