using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        // Four items at a time: their dot products with x are finished together (Dense.DotFour, the same bits as one by
        // one), then their updates of r are added in order.
        var n = 0;
        for (; n + 4 <= columns.Length; n += 4)
        {
            for (var ahead = n + PrefetchDistance; ahead < n + PrefetchDistance + 4 && ahead < columns.Length; ahead++)
                other.Prefetch(columns[ahead]);
            if ((uint)columns[n] >= rows || (uint)columns[n + 1] >= rows || (uint)columns[n + 2] >= rows || (uint)columns[n + 3] >= rows)
                throw new ArgumentOutOfRangeException(nameof(columns), "A column is not a row of the other side's factors.");
            ref var y0 = ref other.RowRef(columns[n]);
            ref var y1 = ref other.RowRef(columns[n + 1]);
            ref var y2 = ref other.RowRef(columns[n + 2]);
            ref var y3 = ref other.RowRef(columns[n + 3]);
            var dots = Dense.DotFour(ref y0, ref y1, ref y2, ref y3, ref rx, k);
            Dense.Axpy(Residual(values[n], alpha, dots.GetElement(0)), ref y0, ref rr, k);
            Dense.Axpy(Residual(values[n + 1], alpha, dots.GetElement(1)), ref y1, ref rr, k);
            Dense.Axpy(Residual(values[n + 2], alpha, dots.GetElement(2)), ref y2, ref rr, k);
            Dense.Axpy(Residual(values[n + 3], alpha, dots.GetElement(3)), ref y3, ref rr, k);
        }
        for (; n < columns.Length; n++)
        {
            if (n + PrefetchDistance < columns.Length)
                other.Prefetch(columns[n + PrefetchDistance]);
            var column = columns[n];
            if ((uint)column >= rows)
                throw new ArgumentOutOfRangeException(nameof(columns), "A column is not a row of the other side's factors.");
            ref var y = ref other.RowRef(column);
            Dense.Axpy(Residual(values[n], alpha, Dense.Dot(ref y, ref rx, k)), ref y, ref rr, k);
        }
        r.CopyTo(p);
        var rsOld = Dense.Dot(r, r);
        if (rsOld < Tolerance)
            return;

        for (var step = 0; step < steps; step++)
        {
            Dense.MatVec(gram, k, p, ap);
            // Every column was checked against the factors' rows in the first pass.
            var m = 0;
            for (; m + 4 <= columns.Length; m += 4)
            {
                ref var y0 = ref other.RowRef(columns[m]);
                ref var y1 = ref other.RowRef(columns[m + 1]);
                ref var y2 = ref other.RowRef(columns[m + 2]);
                ref var y3 = ref other.RowRef(columns[m + 3]);
                var dots = Dense.DotFour(ref y0, ref y1, ref y2, ref y3, ref rp, k);
                AddWeighted(alpha * MathF.Abs(values[m]), dots.GetElement(0), ref y0, ref rap, k);
                AddWeighted(alpha * MathF.Abs(values[m + 1]), dots.GetElement(1), ref y1, ref rap, k);
                AddWeighted(alpha * MathF.Abs(values[m + 2]), dots.GetElement(2), ref y2, ref rap, k);
                AddWeighted(alpha * MathF.Abs(values[m + 3]), dots.GetElement(3), ref y3, ref rap, k);
            }
            for (; m < columns.Length; m++)
            {
                var w = alpha * MathF.Abs(values[m]);
                if (w == 0)
                    continue;
                ref var y = ref other.RowRef(columns[m]);
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

    /// <summary>The first pass's coefficient of an item's row in <c>r</c>: <c>c·p − (c − 1)·(y·x)</c> with <c>c = 1 + α·|v|</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Residual(float value, float alpha, float dot)
    {
        var c = 1 + alpha * MathF.Abs(value);
        var target = value > 0 ? c : 0f;
        return target - (c - 1) * dot;
    }

    /// <summary>A CG step's <c>ap += w·(y·p)·y</c> for one item, skipped when its weight is zero (a zero value adds nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWeighted(float w, float dot, ref float y, ref float ap, int k)
    {
        if (w != 0)
            Dense.Axpy(w * dot, ref y, ref ap, k);
    }
}
