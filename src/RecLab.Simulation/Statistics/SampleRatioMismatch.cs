using MathNet.Numerics;

namespace RecLab.Simulation.Statistics;

/// <summary>
/// Sample ratio mismatch (Fabijan et al. 2019): a χ² goodness-of-fit test of the users observed per arm against the
/// planned traffic shares. A mismatch means assignment or logging is broken, and the comparison is not to be trusted.
/// </summary>
public static class SampleRatioMismatch
{
    /// <summary>The usual threshold: p below 0.001 flags a mismatch (strict, because the check runs on every test).</summary>
    public const double DefaultThreshold = 0.001;

    /// <summary>Tests observed counts against shares (normalized to sum to 1 over the arms given).</summary>
    /// <exception cref="ArgumentException">Fewer than two arms, misaligned inputs, or a share not positive.</exception>
    public static SrmResult Test(IReadOnlyList<int> observed, IReadOnlyList<double> shares, double threshold = DefaultThreshold)
    {
        if (observed.Count != shares.Count || observed.Count < 2)
            throw new ArgumentException("Give one count and one share per arm, for at least two arms.");
        var total = 0L;
        var shareSum = 0.0;
        for (var a = 0; a < observed.Count; a++)
        {
            if (observed[a] < 0 || !(shares[a] > 0))
                throw new ArgumentException("Counts must be 0 or more and shares positive.");
            total += observed[a];
            shareSum += shares[a];
        }
        var expected = new double[observed.Count];
        var chi = 0.0;
        for (var a = 0; a < observed.Count; a++)
        {
            expected[a] = total * shares[a] / shareSum;
            if (expected[a] > 0)
                chi += (observed[a] - expected[a]) * (observed[a] - expected[a]) / expected[a];
        }
        var df = observed.Count - 1;
        // The regularized upper incomplete gamma keeps tiny p-values exact where 1 − CDF would round to 0.
        var p = total == 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, chi / 2.0);
        return new SrmResult(observed.ToArray(), expected, chi, df, p, threshold);
    }
}
