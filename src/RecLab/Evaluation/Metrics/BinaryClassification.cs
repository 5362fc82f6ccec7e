namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Metrics of predicted probabilities against binary outcomes (a click model on impressions): log-loss and the area
/// under the ROC curve over all rows together.
/// </summary>
public static class BinaryClassification
{
    /// <summary>
    /// Mean log-loss <c>−(1/n) Σ [y ln p + (1 − y) ln(1 − p)]</c>, with p clipped to [1e-15, 1 − 1e-15] (scikit-learn's
    /// convention) so a confident mistake costs a finite amount.
    /// </summary>
    /// <returns>The mean loss; NaN for no rows.</returns>
    public static double LogLoss(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> outcomes)
    {
        Check(probabilities, outcomes);
        if (probabilities.IsEmpty)
            return double.NaN;
        var sum = 0.0;
        for (var r = 0; r < probabilities.Length; r++)
        {
            var p = Math.Clamp((double)probabilities[r], 1e-15, 1 - 1e-15);
            sum -= outcomes[r] ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / probabilities.Length;
    }

    /// <summary>
    /// AUC: the probability that a random positive row scores above a random negative one, ties counting one half
    /// (the Mann–Whitney U over <c>|P|·|N|</c>), computed by sorting: O(n log n).
    /// </summary>
    /// <returns>AUC in [0, 1]; NaN without positives or without negatives.</returns>
    public static double Auc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> outcomes)
    {
        Check(scores, outcomes);
        var order = new int[scores.Length];
        for (var r = 0; r < order.Length; r++)
            order[r] = r;
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        // Midranks over tie groups; U = Σ ranks of positives − P(P + 1)/2.
        double positiveRanks = 0;
        long positives = 0;
        var k = 0;
        while (k < keys.Length)
        {
            var end = k;
            while (end + 1 < keys.Length && keys[end + 1] == keys[k])
                end++;
            var midrank = (k + end) / 2.0 + 1;
            for (var t = k; t <= end; t++)
            {
                if (!outcomes[order[t]])
                    continue;
                positiveRanks += midrank;
                positives++;
            }
            k = end + 1;
        }
        var negatives = (long)scores.Length - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    private static void Check(ReadOnlySpan<float> scores, ReadOnlySpan<bool> outcomes)
    {
        if (scores.Length != outcomes.Length)
            throw new ArgumentException($"Expected one score per outcome ({outcomes.Length}), got {scores.Length}.", nameof(scores));
        foreach (var s in scores)
            if (float.IsNaN(s))
                throw new ArgumentException("Scores must not be NaN.", nameof(scores));
    }
}
