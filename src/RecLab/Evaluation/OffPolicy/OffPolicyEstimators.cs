using RecLab.Evaluation.Statistics;

namespace RecLab.Evaluation.OffPolicy;

/// <summary>
/// Off-policy estimators of a target policy's expected reward from logged rounds: each round i has the reward r_i of
/// the action the logging policy took, that action's logging propensity π₀(a_i | x_i) and its probability under the
/// target policy π(a_i | x_i), with importance weight <c>w_i = π(a_i | x_i) / π₀(a_i | x_i)</c>. Intervals are normal
/// (rounds independent given their contexts; with several rounds per user, prefer per-user clustering).
/// </summary>
public static class OffPolicyEstimators
{
    /// <summary>Inverse propensity scoring: <c>V = (1/n) Σ w_i r_i</c>, unbiased when π₀ &gt; 0 wherever π &gt; 0; se from the sample sd of <c>w_i r_i</c>.</summary>
    public static OffPolicyEstimate InversePropensity(ReadOnlySpan<double> rewards, ReadOnlySpan<double> targetProbabilities,
        ReadOnlySpan<double> loggingPropensities, double level = AbTests.DefaultLevel)
    {
        var w = Weights(rewards, targetProbabilities, loggingPropensities);
        var terms = new double[w.Length];
        for (var i = 0; i < w.Length; i++)
            terms[i] = w[i] * rewards[i];
        return MeanEstimate("ips", terms, w, level);
    }

    /// <summary>
    /// Self-normalized IPS (Swaminathan and Joachims 2015): <c>V = Σ w_i r_i / Σ w_i</c>, slightly biased but far less
    /// variable; its variance is the delta-method variance of a ratio of means,
    /// <c>(s_{wr}² − 2V s_{wr,w} + V² s_w²) / (n w̄²)</c>.
    /// </summary>
    public static OffPolicyEstimate SelfNormalized(ReadOnlySpan<double> rewards, ReadOnlySpan<double> targetProbabilities,
        ReadOnlySpan<double> loggingPropensities, double level = AbTests.DefaultLevel)
    {
        var w = Weights(rewards, targetProbabilities, loggingPropensities);
        var weighted = new double[w.Length];
        for (var i = 0; i < w.Length; i++)
            weighted[i] = w[i] * rewards[i];
        var ratio = RatioMoments.Of(weighted, w);
        var se = Math.Sqrt(ratio.Variance);
        return new OffPolicyEstimate("snips", AbTests.NormalInterval(ratio.Ratio, se, level), se, Kish(w), Max(w), w.Length);
    }

    /// <summary>
    /// Doubly robust (Dudík, Langford and Li 2011): <c>V = (1/n) Σ [ q̂_π(x_i) + w_i (r_i − q̂(x_i, a_i)) ]</c>, where
    /// q̂ is a direct model of the reward, <paramref name="predictedLogged"/> its value for the logged action and
    /// <paramref name="predictedTarget"/> its expectation under the target policy, <c>Σ_a π(a | x_i) q̂(x_i, a)</c>.
    /// Unbiased if either the propensities or the model are right; se from the sample sd of the terms.
    /// </summary>
    public static OffPolicyEstimate DoublyRobust(ReadOnlySpan<double> rewards, ReadOnlySpan<double> targetProbabilities,
        ReadOnlySpan<double> loggingPropensities, ReadOnlySpan<double> predictedLogged, ReadOnlySpan<double> predictedTarget,
        double level = AbTests.DefaultLevel)
    {
        var w = Weights(rewards, targetProbabilities, loggingPropensities);
        if (predictedLogged.Length != w.Length || predictedTarget.Length != w.Length)
            throw new ArgumentException("One model prediction of each kind per logged round.", nameof(predictedLogged));
        var terms = new double[w.Length];
        for (var i = 0; i < w.Length; i++)
            terms[i] = predictedTarget[i] + w[i] * (rewards[i] - predictedLogged[i]);
        return MeanEstimate("dr", terms, w, level);
    }

    /// <summary>The direct-method estimate alone, <c>(1/n) Σ q̂_π(x_i)</c> (biased by the model's errors; no interval worth trusting).</summary>
    public static double Direct(ReadOnlySpan<double> predictedTarget)
    {
        var sum = 0.0;
        foreach (var q in predictedTarget)
            sum += q;
        return predictedTarget.Length == 0 ? double.NaN : sum / predictedTarget.Length;
    }

    private static double[] Weights(ReadOnlySpan<double> rewards, ReadOnlySpan<double> target, ReadOnlySpan<double> logging)
    {
        if (target.Length != rewards.Length || logging.Length != rewards.Length)
            throw new ArgumentException($"One reward, target probability and logging propensity per round: {rewards.Length}, {target.Length}, {logging.Length}.");
        var w = new double[rewards.Length];
        for (var i = 0; i < w.Length; i++)
        {
            if (!(logging[i] > 0 && logging[i] <= 1))
                throw new ArgumentException($"Round {i} has logging propensity {logging[i]}; it must be in (0, 1].", nameof(logging));
            if (!(target[i] >= 0 && target[i] <= 1))
                throw new ArgumentException($"Round {i} has target probability {target[i]}; it must be in [0, 1].", nameof(target));
            w[i] = target[i] / logging[i];
        }
        return w;
    }

    private static OffPolicyEstimate MeanEstimate(string name, double[] terms, double[] w, double level)
    {
        var summary = SampleSummary.Of(terms);
        var se = summary.StandardError;
        return new OffPolicyEstimate(name, AbTests.NormalInterval(summary.Mean, se, level), se, Kish(w), Max(w), terms.Length);
    }

    private static double Kish(double[] w)
    {
        double sum = 0, squares = 0;
        foreach (var x in w)
        {
            sum += x;
            squares += x * x;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }

    private static double Max(double[] w)
    {
        var max = 0.0;
        foreach (var x in w)
            max = Math.Max(max, x);
        return max;
    }
}
