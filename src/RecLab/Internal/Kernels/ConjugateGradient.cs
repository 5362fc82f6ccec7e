using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// One row of implicit-feedback ALS (Hu, Koren and Volinsky 2008) solved approximately by a few conjugate-gradient
/// steps warm-started from the previous factors (Takács, Pilászy and Tikk 2011, as the implicit library does):
/// <c>(G + Σ_i (c_i − 1)·y_i·y_iᵀ)·x = Σ_i c_i·p_i·y_i</c> where <c>G = YᵀY + λI</c> is precomputed once per
/// half-sweep and the sums run only over the row's items, so the matrix is never formed.
/// Twin: <see cref="ConjugateGradientNaive"/>; the exact solution is <see cref="LeastSquares.SolveImplicit"/>.
/// </summary>
/// <remarks>
/// Confidence <c>c = 1 + α·|v|</c> and preference <c>p = 1</c> for a positive value, <c>0</c> otherwise (a negative
/// value is a confident dislike, as in implicit). Cost per row: (steps + 1) products with G (k² each) plus
/// 2·(steps + 1) passes over the row's item factors.
/// </remarks>
internal static class ConjugateGradient
{
    /// <summary>Residual below which the row counts as solved (on r·r, as implicit does).</summary>
    public const float Tolerance = 1e-20f;

    /// <summary>Items ahead whose factor rows the first pass prefetches (2 to 8 measured alike on the large world).</summary>
    private const int PrefetchDistance = 4;

    /// <summary>Improves <paramref name="x"/> in place by up to <paramref name="steps"/> CG steps.</summary>
    /// <param name="gram">G = YᵀY + λI, full symmetric k x k.</param>
    /// <param name="other">The other side's factors (the items for a user row); k = its <see cref="FactorMatrix.Factors"/>.</param>
    /// <param name="columns">The row's item indices.</param>
    /// <param name="values">The row's values, aligned with <paramref name="columns"/>.</param>
    /// <param name="alpha">Confidence scale α.</param>
    /// <param name="x">The row's k factors: the previous solution on entry, the improved one on exit.</param>
    /// <param name="steps">CG iterations.</param>
    /// <param name="scratch">At least 3k floats.</param>
    /// <remarks>
    /// Not inlined: inlined into the row sweep's loop (dynamic PGO devirtualises the sweep's delegate), the method
    /// exhausted the caller's inlining budget and its dot products, axpys and span conversions became calls in the
    /// innermost loop. The first pass over the row's items prefetches the rows <see cref="PrefetchDistance"/> items
    /// ahead: on the large synthetic world that pass waited on memory for more than half the solve's time.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<float> gram, FactorMatrix other, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> values, float alpha, Span<float> x, int steps, Span<float> scratch)
    {
        var k = other.Factors;
        if (x.Length < k || scratch.Length < 3 * k || values.Length < columns.Length)
            throw new ArgumentException("x needs k floats, scratch 3k, values one per column.");
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var rr = ref MemoryMarshal.GetReference(r);
        ref var rp = ref MemoryMarshal.GetReference(p);
        ref var rap = ref MemoryMarshal.GetReference(ap);
        var rows = (uint)other.Rows;

        // r = b − A·x without forming A.
        Dense.MatVec(gram, k, x[..k], r);
        for (var t = 0; t < k; t++)
            r[t] = -r[t];
        for (var n = 0; n < columns.Length; n++)
        {
            if (n + PrefetchDistance < columns.Length)
                other.Prefetch(columns[n + PrefetchDistance]);
            var column = columns[n];
            if ((uint)column >= rows)
                throw new ArgumentOutOfRangeException(nameof(columns), "A column is not a row of the other side's factors.");
            ref var y = ref other.RowRef(column);
            var v = values[n];
            var c = 1 + alpha * MathF.Abs(v);
            var target = v > 0 ? c : 0f;
            Dense.Axpy(target - (c - 1) * Dense.Dot(ref y, ref rx, k), ref y, ref rr, k);
        }
        r.CopyTo(p);
        var rsOld = Dense.Dot(r, r);
        if (rsOld < Tolerance)
            return;

        for (var step = 0; step < steps; step++)
        {
            Dense.MatVec(gram, k, p, ap);
            for (var n = 0; n < columns.Length; n++)
            {
                var w = alpha * MathF.Abs(values[n]);
                if (w == 0)
                    continue;
                // Every column was checked against the factors' rows in the first pass.
                ref var y = ref other.RowRef(columns[n]);
                Dense.Axpy(w * Dense.Dot(ref y, ref rp, k), ref y, ref rap, k);
            }
            var a = rsOld / Dense.Dot(p, ap);
            Dense.Axpy(a, p, x);
            Dense.Axpy(-a, ap, r);
            var rsNew = Dense.Dot(r, r);
            if (rsNew < Tolerance)
                break;
            var beta = rsNew / rsOld;
            for (var t = 0; t < k; t++)
                p[t] = r[t] + beta * p[t];
            rsOld = rsNew;
        }
    }
}
