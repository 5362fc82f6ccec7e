using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>
/// One SVD++ epoch exactly as Surprise's <c>SVDpp.sgd</c> defines it, at linear instead of quadratic cost.
/// Surprise, for every rating of user u, recomputes <c>|I_u|^-½ Σ_j y_j</c> and then updates every <c>y_j</c>, j ∈ I_u,
/// by the same affine map <c>y_j ← a·y_j + c_t</c> (<c>a = 1 - γ_y λ_y</c>, <c>c_t = γ_y e_t q_i / √|I_u|</c>).
/// Because a user's ratings are consecutive in its order, the maps compose to <c>y_j ← aᵗ·y_j + B_t</c> with
/// <c>B_t = a·B_(t-1) + c_t</c>, so the sum is tracked as <c>aᵗ·S + |I_u|·B_t</c> and every <c>y_j</c> is written once per
/// user. The result equals Surprise's up to float rounding. Twin: <see cref="SvdPlusPlusKernelNaive"/>.
/// </summary>
internal static class SvdPlusPlusKernel
{
    /// <summary>
    /// One pass over ratings grouped by user (every user's training ratings consecutive, as <c>SgdOrder.UserBlocks</c>
    /// lays them out); <paramref name="ratedBy"/> gives each user's rated items I_u. Returns the sum of squared errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values, CsrMatrix ratedBy,
        FactorMatrix p, FactorMatrix q, FactorMatrix y, Span<float> bu, Span<float> bi, float mu, in SgdRates rates, float yRate, float yReg)
    {
        if (users.Length != items.Length || users.Length != values.Length)
            throw new ArgumentException("Users, items and values must align.");
        var stride = p.Stride;
        var sum = new float[3 * stride];
        ref var s = ref sum[0];
        ref var acc = ref sum[stride];
        ref var imp = ref sum[2 * stride];
        var lrPu = Vector256.Create(rates.UserFactorRate);
        var lrQi = Vector256.Create(rates.ItemFactorRate);
        var regPu = Vector256.Create(rates.UserFactorReg);
        var regQi = Vector256.Create(rates.ItemFactorReg);
        var decay = 1f - yRate * yReg;
        var vDecay = Vector256.Create(decay);
        double sse = 0;
        var k = 0;
        while (k < users.Length)
        {
            var u = users[k];
            var end = k + 1;
            while (end < users.Length && users[end] == u)
                end++;
            var rated = ratedBy.RowIndices(u);
            if (rated.Length != end - k)
                throw new ArgumentException($"User {u} has {rated.Length} rated items but {end - k} consecutive ratings; SVD++ needs every rating of a user together.");
            float n = rated.Length;
            var sqrtN = MathF.Sqrt(n);
            var vN = Vector256.Create(n);
            var vSqrt = Vector256.Create(sqrtN);

            // S = Σ_j y_j; B = 0; scale = aᵗ.
            sum.AsSpan(0, 2 * stride).Clear();
            foreach (var j in rated)
            {
                ref var yj = ref y.RowRef(j);
                for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                    (Vector256.LoadUnsafe(ref s, (nuint)f) + Vector256.LoadUnsafe(ref yj, (nuint)f)).StoreUnsafe(ref s, (nuint)f);
            }
            var scale = 1f;
            ref var pu = ref p.RowRef(u);
            ref var bU = ref bu[u];
            for (; k < end; k++)
            {
                var i = items[k];
                ref var qi = ref q.RowRef(i);
                ref var bI = ref bi[i];
                var vScale = Vector256.Create(scale);
                var dotV = Vector256<float>.Zero;
                for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                {
                    var impF = (vScale * Vector256.LoadUnsafe(ref s, (nuint)f) + vN * Vector256.LoadUnsafe(ref acc, (nuint)f)) / vSqrt;
                    impF.StoreUnsafe(ref imp, (nuint)f);
                    dotV += Vector256.LoadUnsafe(ref qi, (nuint)f) * (Vector256.LoadUnsafe(ref pu, (nuint)f) + impF);
                }
                var err = values[k] - (mu + bU + bI + Vector256.Sum(dotV));
                sse += (double)err * err;
                bU += rates.UserBiasRate * (err - rates.UserBiasReg * bU);
                bI += rates.ItemBiasRate * (err - rates.ItemBiasReg * bI);
                var e = Vector256.Create(err);
                var c = Vector256.Create(yRate * err / sqrtN);
                for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                {
                    var pf = Vector256.LoadUnsafe(ref pu, (nuint)f);
                    var qf = Vector256.LoadUnsafe(ref qi, (nuint)f);
                    var impF = Vector256.LoadUnsafe(ref imp, (nuint)f);
                    (pf + lrPu * (e * qf - regPu * pf)).StoreUnsafe(ref pu, (nuint)f);
                    (qf + lrQi * (e * (pf + impF) - regQi * qf)).StoreUnsafe(ref qi, (nuint)f);
                    (vDecay * Vector256.LoadUnsafe(ref acc, (nuint)f) + c * qf).StoreUnsafe(ref acc, (nuint)f);
                }
                scale *= decay;
            }

            // Apply the user's composed update to every y_j once.
            var vFinal = Vector256.Create(scale);
            foreach (var j in rated)
            {
                ref var yj = ref y.RowRef(j);
                for (var f = 0; f < stride; f += FactorMatrix.Lanes)
                    (vFinal * Vector256.LoadUnsafe(ref yj, (nuint)f) + Vector256.LoadUnsafe(ref acc, (nuint)f)).StoreUnsafe(ref yj, (nuint)f);
            }
        }
        return sse;
    }

    /// <summary>Writes <c>|I|^-½ Σ_(j ∈ I) y_j</c> into <paramref name="implicitSum"/> (zero for an empty set).</summary>
    public static void ImplicitFeedback(ReadOnlySpan<int> rated, FactorMatrix y, Span<float> implicitSum)
    {
        implicitSum.Clear();
        if (rated.IsEmpty)
            return;
        foreach (var j in rated)
        {
            var row = y.Row(j);
            for (var f = 0; f < implicitSum.Length; f++)
                implicitSum[f] += row[f];
        }
        var inv = 1f / MathF.Sqrt(rated.Length);
        for (var f = 0; f < implicitSum.Length; f++)
            implicitSum[f] *= inv;
    }
}
