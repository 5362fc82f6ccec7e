namespace RecLab.Internal.Kernels;

/// <summary>The per-target twin of <see cref="NeighborSums"/>: every target looks up each history item, sorts, keeps k.</summary>
internal static class NeighborSumsNaive
{
    public static void Compute(PairMatrix similarities, ReadOnlySpan<int> history, ReadOnlySpan<double> deviations, int k,
        Span<int> counts, Span<double> sumSimilarity, Span<double> sumWeighted)
    {
        for (var i = 0; i < similarities.Size; i++)
        {
            var candidates = new List<(float Sim, int Item, double Deviation)>();
            for (var p = 0; p < history.Length; p++)
            {
                var s = history[p] == i ? 1f : similarities.Get(i, history[p]);
                if (s > 0)
                    candidates.Add((s, history[p], deviations[p]));
            }
            var kept = candidates.OrderByDescending(c => c.Sim).ThenBy(c => c.Item).Take(k).ToList();
            counts[i] = kept.Count;
            sumSimilarity[i] = kept.Sum(c => (double)c.Sim);
            sumWeighted[i] = kept.Sum(c => c.Sim * c.Deviation);
        }
    }
}
