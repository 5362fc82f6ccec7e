using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The biased-MF SGD step of Surprise's SVD, over ratings in a given order:
/// <c>e = r - (mu + b_u + b_i + p_u·q_i)</c>, then <c>b_u += γ(e - λb_u)</c>, <c>b_i += γ(e - λb_i)</c>,
/// <c>p_u += γ(e q_i - λp_u)</c>, <c>q_i += γ(e p_u - λq_i)</c> with the old <c>p_u</c>. Twin: <see cref="SgdKernelNaive"/>.
/// </summary>
/// <remarks>Float rows padded to 8 lanes, updated with <see cref="Vector256{T}"/>; no allocation, no bounds checks in the loop.</remarks>
internal static class SgdKernel
{
    /// <summary>One pass over the ratings in order; returns the sum of squared errors measured before each update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values,
        FactorMatrix p, FactorMatrix q, Span<float> bu, Span<float> bi, float mu, in SgdRates rates)
    {
        if (users.Length != items.Length || users.Length != values.Length)
            throw new ArgumentException("Users, items and values must align.");
        if (p.Stride != q.Stride || bu.Length < p.Rows || bi.Length < q.Rows)
            throw new ArgumentException("User and item parameters disagree.");
        var stride = p.Stride;
        var lrPu = Vector256.Create(rates.UserFactorRate);
        var lrQi = Vector256.Create(rates.ItemFactorRate);
        var regPu = Vector256.Create(rates.UserFactorReg);
        var regQi = Vector256.Create(rates.ItemFactorReg);
        ref var userBias = ref MemoryMarshal.GetReference(bu);
        ref var itemBias = ref MemoryMarshal.GetReference(bi);
        double sse = 0;
        for (var k = 0; k < users.Length; k++)
        {
            var u = users[k];
            var i = items[k];
            if ((uint)u >= (uint)p.Rows || (uint)i >= (uint)q.Rows)
                throw new ArgumentOutOfRangeException(nameof(users), $"Rating {k} has user {u} and item {i} outside the factors.");
            ref var pu = ref p.RowRef(u);
            ref var qi = ref q.RowRef(i);
            ref var bU = ref Unsafe.Add(ref userBias, u);
            ref var bI = ref Unsafe.Add(ref itemBias, i);
            var err = values[k] - (mu + bU + bI + Dense.Dot(ref pu, ref qi, stride));
            sse += (double)err * err;
            if (rates.Biased)
            {
                bU += rates.UserBiasRate * (err - rates.UserBiasReg * bU);
                bI += rates.ItemBiasRate * (err - rates.ItemBiasReg * bI);
            }
            Update(ref pu, ref qi, stride, Vector256.Create(err), lrPu, regPu, lrQi, regQi);
        }
        return sse;
    }

    /// <summary>
    /// Folds in a user the model never saw: <paramref name="epochs"/> passes of the same updates over the user's
    /// (item, target) pairs with the item side read-only, from <paramref name="pu"/> and <paramref name="bu"/> as given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> targets, FactorMatrix q, ReadOnlySpan<float> bi,
        float mu, in SgdRates rates, int epochs, Span<float> pu, ref float bu)
    {
        if (items.Length != targets.Length || pu.Length != q.Stride)
            throw new ArgumentException("Items and targets must align, and the user row must have the item rows' stride.");
        var stride = q.Stride;
        var lrPu = Vector256.Create(rates.UserFactorRate);
        var regPu = Vector256.Create(rates.UserFactorReg);
        ref var user = ref MemoryMarshal.GetReference(pu);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var k = 0; k < items.Length; k++)
            {
                var i = items[k];
                if ((uint)i >= (uint)q.Rows)
                    throw new ArgumentOutOfRangeException(nameof(items), $"Item {i} is outside the factors.");
                ref var qi = ref q.RowRef(i);
                var err = targets[k] - (mu + bu + bi[i] + Dense.Dot(ref user, ref qi, stride));
                if (rates.Biased)
                    bu += rates.UserBiasRate * (err - rates.UserBiasReg * bu);
                var e = Vector256.Create(err);
                for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                {
                    var pf = Vector256.LoadUnsafe(ref user, (nuint)f);
                    var qf = Vector256.LoadUnsafe(ref qi, (nuint)f);
                    (pf + lrPu * (e * qf - regPu * pf)).StoreUnsafe(ref user, (nuint)f);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(ref float pu, ref float qi, int stride, Vector256<float> e,
        Vector256<float> lrPu, Vector256<float> regPu, Vector256<float> lrQi, Vector256<float> regQi)
    {
        for (var f = 0; f < stride; f += FactorMatrix.Lanes)
        {
            var pf = Vector256.LoadUnsafe(ref pu, (nuint)f);
            var qf = Vector256.LoadUnsafe(ref qi, (nuint)f);
            (pf + lrPu * (e * qf - regPu * pf)).StoreUnsafe(ref pu, (nuint)f);
            (qf + lrQi * (e * pf - regQi * qf)).StoreUnsafe(ref qi, (nuint)f);
        }
    }
}
