using RecLab.Evaluation.OffPolicy;
using RecLab.Randomness;

namespace RecLab.Tests.Evaluation.OffPolicy;

public sealed class OffPolicyEstimatorsTests
{
    // Three actions, no context: logging [0.5, 0.3, 0.2], target [0.1, 0.2, 0.7], Bernoulli rewards [0.1, 0.2, 0.5].
    // True target value = 0.1·0.1 + 0.2·0.2 + 0.7·0.5 = 0.40; logging value = 0.05 + 0.06 + 0.10 = 0.21.
    private static readonly double[] Logging = [0.5, 0.3, 0.2];
    private static readonly double[] Target = [0.1, 0.2, 0.7];
    private static readonly double[] Means = [0.1, 0.2, 0.5];

    private static (double[] R, double[] P, double[] Q, int[] A) Log(ulong seed, int n)
    {
        var rng = new Rng(seed);
        double[] r = new double[n], p = new double[n], q = new double[n];
        var a = new int[n];
        for (var i = 0; i < n; i++)
        {
            var u = rng.NextDouble();
            a[i] = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
            p[i] = Logging[a[i]];
            q[i] = Target[a[i]];
            r[i] = rng.NextDouble() < Means[a[i]] ? 1 : 0;
        }
        return (r, p, q, a);
    }

    [Fact]
    public void Estimators_by_hand_on_four_rounds()
    {
        // w = [0.2, 0.2/0.3, 3.5, 0.2]; r = [1, 0, 1, 0]: IPS = (0.2 + 3.5)/4 = 0.925; SNIPS = 3.7 / (3.9 + 2/3).
        double[] r = [1, 0, 1, 0], p = [0.5, 0.3, 0.2, 0.5], q = [0.1, 0.2, 0.7, 0.1];
        Assert.Equal(0.925, OffPolicyEstimators.InversePropensity(r, q, p).Value.Estimate, 12);
        Assert.Equal(3.7 / (3.9 + 2.0 / 3), OffPolicyEstimators.SelfNormalized(r, q, p).Value.Estimate, 12);
        // DR with q̂ ≡ 0.3 everywhere: 0.3 + mean(w (r − 0.3)) = 0.3 + (0.2·0.7 − (2/3)·0.3 + 3.5·0.7 − 0.2·0.3)/4.
        double[] flat = [0.3, 0.3, 0.3, 0.3];
        Assert.Equal(0.3 + (0.14 - 0.2 + 2.45 - 0.06) / 4, OffPolicyEstimators.DoublyRobust(r, q, p, flat, flat).Value.Estimate, 12);
    }

    [Fact]
    public void Same_policy_gives_the_logged_mean()
    {
        var (r, p, _, _) = Log(1, 1000);
        var mean = r.Average();
        Assert.Equal(mean, OffPolicyEstimators.InversePropensity(r, p, p).Value.Estimate, 12);
        Assert.Equal(mean, OffPolicyEstimators.SelfNormalized(r, p, p).Value.Estimate, 12);
        Assert.Equal(1000, OffPolicyEstimators.SelfNormalized(r, p, p).EffectiveSampleSize, 1e-6);
    }

    [Fact]
    public void Intervals_cover_the_true_value_near_their_level()
    {
        int ips = 0, snips = 0, dr = 0;
        const int logs = 200;
        for (var s = 0; s < logs; s++)
        {
            var (r, p, q, a) = Log(100 + (ulong)s, 2000);
            // A deliberately wrong direct model (every action 0.25) so that DR must lean on its weights.
            var logged = new double[r.Length];
            var target = new double[r.Length];
            Array.Fill(logged, 0.25);
            Array.Fill(target, 0.25);
            ips += Covers(OffPolicyEstimators.InversePropensity(r, q, p));
            snips += Covers(OffPolicyEstimators.SelfNormalized(r, q, p));
            dr += Covers(OffPolicyEstimators.DoublyRobust(r, q, p, logged, target));
            Assert.Equal(a.Length, r.Length);
        }
        // Nominal 95% over 200 logs: binomial sd 1.5 points.
        var figures = $"coverage ips {ips}, snips {snips}, dr {dr} of {logs}";
        Assert.InRange(ips, 0.9 * logs, logs);
        Assert.InRange(snips, 0.9 * logs, logs);
        Assert.InRange(dr, 0.9 * logs, logs);
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
    }

    private static int Covers(OffPolicyEstimate e) => e.Value.Low <= 0.40 && 0.40 <= e.Value.High ? 1 : 0;

    [Fact]
    public void A_perfect_direct_model_makes_dr_exact_in_expectation_and_tighter()
    {
        var (r, p, q, a) = Log(7, 5000);
        var logged = Array.ConvertAll(a, x => Means[x]);
        var target = new double[r.Length];
        Array.Fill(target, 0.40);
        var dr = OffPolicyEstimators.DoublyRobust(r, q, p, logged, target);
        var ips = OffPolicyEstimators.InversePropensity(r, q, p);
        Assert.True(dr.StandardError < ips.StandardError);
        Assert.InRange(0.40, dr.Value.Low, dr.Value.High);
        Assert.Equal(0.40, OffPolicyEstimators.Direct(target), 12);
    }

    [Fact]
    public void Rejects_zero_propensities()
    {
        Assert.Throws<ArgumentException>(() => OffPolicyEstimators.InversePropensity([1.0], [0.5], [0.0]));
    }
}
