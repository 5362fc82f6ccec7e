using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Internal.Kernels;

/// <summary>
/// BPR-MF SGD (Rendle et al. 2009) with implicit's update: for a drawn triple (u, i, j) with
/// <c>x = p_u·(q_i - q_j) + b_i - b_j</c> and <c>z = 1 / (1 + eˣ)</c>: <c>p_u += γ(z(q_i - q_j) - λp_u)</c>,
/// <c>q_i += γ(z p_u - λq_i)</c>, <c>q_j += γ(-z p_u - λq_j)</c>, <c>b_i += γ(z - λb_i)</c>, <c>b_j += γ(-z - λb_j)</c>
/// (old p_u in the item updates). Positives are uniform over interactions; a negative the user has is skipped, as
/// implicit's <c>verify_negative_samples</c> does. Twin: <see cref="BprKernelNaive"/>.
/// </summary>
internal static class BprKernel
{
    /// <summary>
    /// Draws <paramref name="samples"/> triples from <paramref name="rng"/> and updates after each. <paramref name="rowUsers"/>
    /// is the user of every interaction of <paramref name="byUser"/> (whose ascending rows serve the negative check).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BprEpoch Epoch(ref Rng rng, int samples, ReadOnlySpan<int> rowUsers, CsrMatrix byUser, ReadOnlySpan<int> negatives, bool verify,
        FactorMatrix p, FactorMatrix q, Span<float> itemBias, float learningRate, float regularization)
    {
        var items = byUser.Indices;
        var n = items.Length;
        var itemCount = q.Rows;
        var stride = p.Stride;
        var lr = Vector256.Create(learningRate);
        var reg = Vector256.Create(regularization);
        double loss = 0;
        int correct = 0, skipped = 0;
        for (var s = 0; s < samples; s++)
        {
            var row = rng.NextInt(n);
            var u = rowUsers[row];
            var i = items[row];
            var j = negatives[rng.NextInt(negatives.Length)];
            if (i == j || (verify && byUser.RowIndices(u).BinarySearch(j) >= 0))
            {
                skipped++;
                continue;
            }
            ref var pu = ref p.RowRef(u);
            ref var qi = ref q.RowRef(i);
            ref var qj = ref q.RowRef(j);
            var dot = Vector256<float>.Zero;
            for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                dot += Vector256.LoadUnsafe(ref pu, (nuint)f) * (Vector256.LoadUnsafe(ref qi, (nuint)f) - Vector256.LoadUnsafe(ref qj, (nuint)f));
            var x = Vector256.Sum(dot) + itemBias[i] - itemBias[j];
            var ex = MathF.Exp(x);
            var z = 1f / (1f + ex);
            if (z < 0.5f)
                correct++;
            loss += SoftplusOfNegative(x, ex);
            var vz = Vector256.Create(z);
            for (var f = 0; f < stride; f += FactorMatrix.Lanes)
            {
                var pf = Vector256.LoadUnsafe(ref pu, (nuint)f);
                var qif = Vector256.LoadUnsafe(ref qi, (nuint)f);
                var qjf = Vector256.LoadUnsafe(ref qj, (nuint)f);
                (pf + lr * (vz * (qif - qjf) - reg * pf)).StoreUnsafe(ref pu, (nuint)f);
                (qif + lr * (vz * pf - reg * qif)).StoreUnsafe(ref qi, (nuint)f);
                (qjf + lr * (-vz * pf - reg * qjf)).StoreUnsafe(ref qj, (nuint)f);
            }
            itemBias[i] += learningRate * (z - regularization * itemBias[i]);
            itemBias[j] += learningRate * (-z - regularization * itemBias[j]);
        }
        return new BprEpoch(loss, correct, skipped);
    }

    /// <summary>
    /// Folds in a user known by a history: <paramref name="samples"/> triples with positives drawn from
    /// <paramref name="history"/> (ascending) and negatives as in training, updating only <paramref name="pu"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FoldIn(ref Rng rng, int samples, ReadOnlySpan<int> history, ReadOnlySpan<int> negativePool, FactorMatrix q,
        ReadOnlySpan<float> itemBias, float learningRate, float regularization, Span<float> pu)
    {
        if (history.IsEmpty || negativePool.IsEmpty || pu.Length != q.Stride)
            return;
        var stride = q.Stride;
        var lr = Vector256.Create(learningRate);
        var reg = Vector256.Create(regularization);
        ref var user = ref pu[0];
        for (var s = 0; s < samples; s++)
        {
            var i = history[rng.NextInt(history.Length)];
            var j = negativePool[rng.NextInt(negativePool.Length)];
            if (history.BinarySearch(j) >= 0)
                continue;
            ref var qi = ref q.RowRef(i);
            ref var qj = ref q.RowRef(j);
            var dot = Vector256<float>.Zero;
            for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                dot += Vector256.LoadUnsafe(ref user, (nuint)f) * (Vector256.LoadUnsafe(ref qi, (nuint)f) - Vector256.LoadUnsafe(ref qj, (nuint)f));
            var z = Vector256.Create(1f / (1f + MathF.Exp(Vector256.Sum(dot) + itemBias[i] - itemBias[j])));
            for (var f = 0; f < stride; f += FactorMatrix.Lanes)
            {
                var pf = Vector256.LoadUnsafe(ref user, (nuint)f);
                (pf + lr * (z * (Vector256.LoadUnsafe(ref qi, (nuint)f) - Vector256.LoadUnsafe(ref qj, (nuint)f)) - reg * pf)).StoreUnsafe(ref user, (nuint)f);
            }
        }
    }

    /// <summary>-ln σ(x) = ln(1 + e⁻ˣ) from x and eˣ already computed, one logarithm, no overflow for large |x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SoftplusOfNegative(float x, float expX) =>
        x > 0 ? MathF.Log(1 + 1 / expX) : -x + MathF.Log(1 + expX);
}
