using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Internal.Kernels;

/// <summary>The twin of <see cref="BprKernel"/>: implicit's <c>bpr_update</c> loop one factor at a time, same draws.</summary>
internal static class BprKernelNaive
{
    public static BprEpoch Epoch(ref Rng rng, int samples, ReadOnlySpan<int> rowUsers, CsrMatrix byUser, ReadOnlySpan<int> negatives, bool verify,
        FactorMatrix p, FactorMatrix q, Span<float> itemBias, float lr, float reg)
    {
        var items = byUser.Indices;
        double loss = 0;
        int correct = 0, skipped = 0;
        for (var s = 0; s < samples; s++)
        {
            var row = rng.NextInt(items.Length);
            int u = rowUsers[row], i = items[row];
            var j = negatives[rng.NextInt(negatives.Length)];
            if (i == j || (verify && byUser.RowIndices(u).ToArray().Contains(j)))
            {
                skipped++;
                continue;
            }
            Span<float> user = p.Row(u), liked = q.Row(i), disliked = q.Row(j);
            double score = itemBias[i] - itemBias[j];
            for (var f = 0; f < p.Factors; f++)
                score += user[f] * (liked[f] - disliked[f]);
            var z = (float)(1 / (1 + Math.Exp(score)));
            if (z < 0.5f)
                correct++;
            loss += -Math.Log(1 / (1 + Math.Exp(-score)));
            for (var f = 0; f < p.Factors; f++)
            {
                var temp = user[f];
                user[f] += lr * (z * (liked[f] - disliked[f]) - reg * user[f]);
                liked[f] += lr * (z * temp - reg * liked[f]);
                disliked[f] += lr * (-z * temp - reg * disliked[f]);
            }
            itemBias[i] += lr * (z - reg * itemBias[i]);
            itemBias[j] += lr * (-z - reg * itemBias[j]);
        }
        return new BprEpoch(loss, correct, skipped);
    }

    public static void FoldIn(ref Rng rng, int samples, ReadOnlySpan<int> history, ReadOnlySpan<int> negativePool, FactorMatrix q,
        ReadOnlySpan<float> itemBias, float lr, float reg, Span<float> pu)
    {
        if (history.IsEmpty || negativePool.IsEmpty)
            return;
        for (var s = 0; s < samples; s++)
        {
            var i = history[rng.NextInt(history.Length)];
            var j = negativePool[rng.NextInt(negativePool.Length)];
            if (history.ToArray().Contains(j))
                continue;
            Span<float> liked = q.Row(i), disliked = q.Row(j);
            double score = itemBias[i] - itemBias[j];
            for (var f = 0; f < q.Factors; f++)
                score += pu[f] * (liked[f] - disliked[f]);
            var z = (float)(1 / (1 + Math.Exp(score)));
            for (var f = 0; f < q.Factors; f++)
                pu[f] += lr * (z * (liked[f] - disliked[f]) - reg * pu[f]);
        }
    }
}
