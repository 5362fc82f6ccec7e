using MathNet.Numerics.Distributions;

namespace RecLab.Evaluation.Statistics;

/// <summary>
/// Two-sided significance tests on per-user metric values. Paired tests take two aligned spans (one value per user,
/// same user order) and test the differences A − B; a pair with a NaN on either side is skipped (pairwise deletion).
/// </summary>
public static class SignificanceTests
{
    /// <summary>Largest number of non-zero differences for which <see cref="WilcoxonMethod.Auto"/> uses the exact distribution.</summary>
    public const int WilcoxonExactLimit = 25;

    private const int ExactMaximum = 60; // 2^60 permutations still fit the long counts of the exact distribution

    /// <summary>
    /// Paired t-test: <c>t = mean(d) / (sd(d) / sqrt(n))</c> on the differences <c>d = a − b</c>, n − 1 degrees of freedom,
    /// p from MathNet's Student t distribution. Effect size: Cohen's <c>d_z = mean(d) / sd(d)</c>.
    /// </summary>
    /// <remarks>
    /// Assumes independent users and roughly normal mean differences (with hundreds of users the central limit theorem
    /// covers skewed per-user metrics). When every difference is equal, t is 0 (all zero, p = 1) or ±∞ (p = 0).
    /// Fewer than two pairs give NaN.
    /// </remarks>
    public static TestResult PairedTTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var d = SampleSummary.Of(Samples.Differences(a, b));
        var t = d.Count < 2 ? double.NaN : EffectSize.Ratio(d.Mean, d.StandardError);
        return new TestResult("paired-t", t, TwoSidedT(t, d.Count - 1), d.Mean, EffectSize.Standardize(d), d.Count)
        {
            DegreesOfFreedom = d.Count - 1,
            EffectSizeName = "Cohen's d_z",
        };
    }

    /// <summary>
    /// Welch's two-sample t-test for independent samples with unequal variances:
    /// <c>t = (mean(a) − mean(b)) / sqrt(s_a²/n_a + s_b²/n_b)</c> with the Welch–Satterthwaite degrees of freedom
    /// <c>ν = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))</c>. Effect size: Cohen's d with the pooled deviation.
    /// NaN values are skipped; either sample below two values gives NaN.
    /// </summary>
    public static TestResult WelchTTest(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sa = SampleSummary.Of(a);
        var sb = SampleSummary.Of(b);
        var diff = sa.Mean - sb.Mean;
        double t = double.NaN, df = double.NaN;
        if (sa.Count >= 2 && sb.Count >= 2)
        {
            var va = sa.StandardDeviation * sa.StandardDeviation / sa.Count;
            var vb = sb.StandardDeviation * sb.StandardDeviation / sb.Count;
            t = EffectSize.Ratio(diff, Math.Sqrt(va + vb));
            df = va + vb > 0 ? (va + vb) * (va + vb) / (va * va / (sa.Count - 1) + vb * vb / (sb.Count - 1)) : sa.Count + sb.Count - 2;
        }
        return new TestResult("welch-t", t, TwoSidedT(t, df), diff, EffectSize.CohensD(sa, sb), sa.Count + sb.Count)
        {
            DegreesOfFreedom = df,
            EffectSizeName = "Cohen's d",
        };
    }

    /// <summary>
    /// Wilcoxon signed-rank test on the paired differences <c>d = a − b</c>. Zero differences are dropped before ranking
    /// (Wilcoxon's convention, scipy's default <c>zero_method="wilcox"</c>, R's <c>wilcox.test</c>); the remaining |d| are
    /// ranked with ties given their average rank. The statistic is W+, the rank sum of the positive differences.
    /// </summary>
    /// <param name="a">Values of A, one per user.</param>
    /// <param name="b">Values of B, aligned with <paramref name="a"/>.</param>
    /// <param name="method">Exact distribution (the default for at most <see cref="WilcoxonExactLimit"/> non-zero differences, ties included) or the normal approximation.</param>
    /// <param name="continuityCorrection">Move W+ half a unit towards its mean in the normal approximation (as R's default).</param>
    /// <remarks>
    /// Exact: the permutation distribution of W+ over the 2^n sign assignments of the observed midranks (exact also
    /// with ties), p = 2·P(W+ ≤ min(W+, W−)) capped at 1. Normal: mean n(n+1)/4, variance
    /// n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie groups of size t, p = 2·Φ(−|z|). Differences equal up to a relative
    /// 1e-12 count as tied (and as zero), so roundoff such as 0.3 − 0.2 ≠ 0.1 does not split ties. Effect size: the
    /// matched-pairs rank-biserial correlation <c>r = (W+ − W−) / (W+ + W−)</c> in [−1, 1]. With no non-zero
    /// difference, W+ = 0, p = 1 and r = 0. Assumes independent users and differences symmetric about their median.
    /// </remarks>
    public static TestResult WilcoxonSignedRank(ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        WilcoxonMethod method = WilcoxonMethod.Auto, bool continuityCorrection = true)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Paired samples must align: {a.Length} values against {b.Length}.", nameof(b));
        var all = Samples.Differences(a, b);
        var meanDifference = SampleSummary.Of(all).Mean;

        // Non-zero differences; "zero" allows for roundoff relative to the values compared.
        var nonZero = new List<double>(all.Length);
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (double.IsNaN(a[i]) || double.IsNaN(b[i]))
                continue;
            var d = all[k++];
            if (Math.Abs(d) > Samples.RelativeTolerance * Math.Max(Math.Abs(a[i]), Math.Abs(b[i])))
                nonZero.Add(d);
        }
        var n = nonZero.Count;
        if (n == 0)
            return Wilcoxon(0, 1, meanDifference, 0, 0);

        var magnitudes = new double[n];
        var positive = new bool[n];
        for (var i = 0; i < n; i++)
        {
            magnitudes[i] = Math.Abs(nonZero[i]);
            positive[i] = nonZero[i] > 0;
        }
        Array.Sort(magnitudes, positive);

        // Midranks, kept doubled so they are integers: a tie group over sorted positions i..j has rank (i + j + 2) / 2.
        var doubledRanks = new int[n];
        var doubledWPlus = 0L;
        var tieTerm = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && Samples.Close(magnitudes[j + 1], magnitudes[i]))
                j++;
            var t = j - i + 1.0;
            tieTerm += t * t * t - t;
            for (var k = i; k <= j; k++)
            {
                doubledRanks[k] = i + j + 2;
                if (positive[k])
                    doubledWPlus += i + j + 2;
            }
            i = j + 1;
        }

        var wPlus = doubledWPlus / 2.0;
        var total = n * (n + 1) / 2.0;
        var effect = (2 * wPlus - total) / total;
        var exact = method == WilcoxonMethod.Exact || (method == WilcoxonMethod.Auto && n <= WilcoxonExactLimit);
        if (exact && n > ExactMaximum)
            throw new ArgumentException($"The exact Wilcoxon distribution is limited to {ExactMaximum} non-zero differences; got {n}. Use the normal approximation.", nameof(method));
        var p = exact
            ? ExactTwoSided(doubledRanks, doubledWPlus)
            : NormalTwoSided(n, wPlus, tieTerm, continuityCorrection);
        return Wilcoxon(wPlus, p, meanDifference, effect, n);
    }

    /// <summary>
    /// Exact two-sided sign test of <paramref name="wins"/> against <paramref name="losses"/> (ties already dropped):
    /// under the null each non-tied comparison is a fair coin, <c>p = min(1, 2 P(X ≤ min(wins, losses)))</c> with
    /// X ~ Binomial(wins + losses, 1/2) (R: <c>binom.test(wins, wins + losses)</c>; SciPy: <c>binomtest(wins, n)</c>).
    /// The effect size is the win share <c>wins / (wins + losses)</c>; with no comparison p = 1.
    /// </summary>
    public static TestResult SignTest(long wins, long losses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wins);
        ArgumentOutOfRangeException.ThrowIfNegative(losses);
        var n = wins + losses;
        if (n == 0)
            return new TestResult("sign", 0, 1, 0, double.NaN, 0) { EffectSizeName = "win share" };
        if (n > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(wins), "Too many comparisons for the exact binomial.");
        var low = Math.Min(wins, losses);
        var p = wins == losses ? 1.0 : Math.Min(1.0, 2 * Binomial.CDF(0.5, (int)n, low));
        return new TestResult("sign", wins, p, (wins - losses) / (double)n, wins / (double)n, (int)n) { EffectSizeName = "win share" };
    }

    private static TestResult Wilcoxon(double wPlus, double p, double meanDifference, double effect, int n) =>
        new("wilcoxon", wPlus, p, meanDifference, effect, n) { EffectSizeName = "rank-biserial r" };

    private static double ExactTwoSided(int[] doubledRanks, long doubledWPlus)
    {
        // counts[s] = number of sign assignments whose doubled W+ equals s.
        var max = 0;
        foreach (var r in doubledRanks)
            max += r;
        var counts = new long[max + 1];
        counts[0] = 1;
        var reach = 0;
        foreach (var r in doubledRanks)
        {
            reach += r;
            for (var s = reach; s >= r; s--)
                counts[s] += counts[s - r];
        }
        // The distribution is symmetric about max / 2, so the lower tail of min(W+, W−) gives the two-sided p.
        var lower = Math.Min(doubledWPlus, max - doubledWPlus);
        var tail = 0L;
        for (var s = 0; s <= lower; s++)
            tail += counts[s];
        return Math.Min(1.0, 2.0 * tail / Math.ScaleB(1.0, doubledRanks.Length));
    }

    private static double NormalTwoSided(int n, double wPlus, double tieTerm, bool continuityCorrection)
    {
        var variance = n * (n + 1.0) * (2 * n + 1.0) / 24.0 - tieTerm / 48.0;
        if (variance <= 0)
            return 1.0;
        var deviation = Math.Abs(wPlus - n * (n + 1.0) / 4.0);
        if (continuityCorrection)
            deviation = Math.Max(deviation - 0.5, 0.0);
        return Math.Min(1.0, 2.0 * Normal.CDF(0, 1, -deviation / Math.Sqrt(variance)));
    }

    private static double TwoSidedT(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0))
            return double.NaN;
        if (double.IsInfinity(t))
            return 0.0;
        return Math.Min(1.0, 2.0 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
    }
}
