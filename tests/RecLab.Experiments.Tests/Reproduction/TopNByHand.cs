namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Most-popular recommendation and the ranking metrics written out from their definitions (the peers' code, not
/// RecLab's metric classes): what the reimplementation checks compare the runner with.
/// </summary>
internal static class TopNByHand
{
    /// <summary>
    /// Per tested user, the top <paramref name="n"/> items by training count among the candidates (items not in the
    /// user's training rows; only items with training rows when <paramref name="trainedOnly"/>), ties to the lower item
    /// number, and the user's test items.
    /// </summary>
    public static IEnumerable<(int[] Ranked, HashSet<int> Relevant, bool HasTraining)> MostPopular(
        MovieLensRatings data, bool[] inTest, int n, bool trainedOnly)
    {
        var popularity = new int[data.ItemCount];
        var train = Enumerable.Range(0, data.UserCount).Select(_ => new HashSet<int>()).ToArray();
        var test = Enumerable.Range(0, data.UserCount).Select(_ => new HashSet<int>()).ToArray();
        for (var r = 0; r < data.Count; r++)
        {
            if (inTest[r])
            {
                test[data.Users[r]].Add(data.Items[r]);
            }
            else
            {
                popularity[data.Items[r]]++;
                train[data.Users[r]].Add(data.Items[r]);
            }
        }
        var order = Enumerable.Range(0, data.ItemCount).OrderByDescending(i => popularity[i]).ThenBy(i => i).ToArray();
        for (var u = 0; u < data.UserCount; u++)
        {
            if (test[u].Count == 0)
                continue;
            var ranked = order.Where(i => !train[u].Contains(i) && (!trainedOnly || popularity[i] > 0)).Take(n).ToArray();
            yield return (ranked, test[u], train[u].Count > 0);
        }
    }

    public static double Precision(int[] ranked, HashSet<int> relevant, int n) => ranked.Take(n).Count(relevant.Contains) / (double)n;

    public static double Recall(int[] ranked, HashSet<int> relevant, int n) => ranked.Take(n).Count(relevant.Contains) / (double)relevant.Count;

    /// <summary>Binary-gain NDCG, discount 1 / log2(k + 1), ideal over min(n, |R|) (Microsoft Recommenders, implicit).</summary>
    public static double Ndcg(int[] ranked, HashSet<int> relevant, int n)
    {
        double dcg = 0, ideal = 0;
        for (var k = 1; k <= Math.Min(n, ranked.Length); k++)
            if (relevant.Contains(ranked[k - 1]))
                dcg += 1 / Math.Log2(k + 1);
        for (var k = 1; k <= Math.Min(n, relevant.Count); k++)
            ideal += 1 / Math.Log2(k + 1);
        return dcg / ideal;
    }

    /// <summary>lkpy's NDCG() on a list cut at n: discount 1 / max(1, log2 k), ideal over all |R| items.</summary>
    public static double LensKitNdcg(int[] ranked, HashSet<int> relevant, int n)
    {
        static double Weight(int k) => 1 / Math.Max(1, Math.Log2(k));
        double dcg = 0, ideal = 0;
        for (var k = 1; k <= Math.Min(n, ranked.Length); k++)
            if (relevant.Contains(ranked[k - 1]))
                dcg += Weight(k);
        for (var k = 1; k <= relevant.Count; k++)
            ideal += Weight(k);
        return dcg / ideal;
    }

    /// <summary>Average precision with denominator min(n, |R|).</summary>
    public static double AveragePrecision(int[] ranked, HashSet<int> relevant, int n)
    {
        double sum = 0;
        var hits = 0;
        for (var k = 1; k <= Math.Min(n, ranked.Length); k++)
        {
            if (relevant.Contains(ranked[k - 1]))
                sum += ++hits / (double)k;
        }
        return sum / Math.Min(n, relevant.Count);
    }

    /// <summary>
    /// How far the runner's figure (the mean of <paramref name="runnerSplits"/> random splits) may sit from the mean of
    /// <paramref name="samples"/> (one per independent split made here) when both follow the same protocol: four
    /// standard errors of the difference, from the spread of the samples themselves.
    /// </summary>
    public static double SplitTolerance(IReadOnlyList<double> samples, int runnerSplits)
    {
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1));
        return 4 * sd * Math.Sqrt(1.0 / samples.Count + 1.0 / runnerSplits);
    }
}
