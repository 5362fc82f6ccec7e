using System.Runtime.CompilerServices;

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

    /// <summary>Improves <paramref name="x"/> in place by up to <paramref name="steps"/> CG steps.</summary>
    /// <param name="gram">G = YᵀY + λI, full symmetric k x k.</param>
    /// <param name="other">The other side's factors (the items for a user row); k = its <see cref="FactorMatrix.Factors"/>.</param>
    /// <param name="columns">The row's item indices.</param>
    /// <param name="values">The row's values, aligned with <paramref name="columns"/>.</param>
    /// <param name="alpha">Confidence scale α.</param>
    /// <param name="x">The row's k factors: the previous solution on entry, the improved one on exit.</param>
    /// <param name="steps">CG iterations.</param>
    /// <param name="scratch">At least 3k floats.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<float> gram, FactorMatrix other, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> values, float alpha, Span<float> x, int steps, Span<float> scratch)
    {
        var k = other.Factors;
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);

        // r = b − A·x without forming A.
        Dense.MatVec(gram, k, x, r);
        for (var t = 0; t < k; t++)
            r[t] = -r[t];
        for (var n = 0; n < columns.Length; n++)
        {
            var y = other[columns[n]];
            var v = values[n];
            var c = 1 + alpha * MathF.Abs(v);
            var target = v > 0 ? c : 0f;
            Dense.Axpy(target - (c - 1) * Dense.Dot(y, x), y, r);
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
                var y = other[columns[n]];
                var w = alpha * MathF.Abs(values[n]);
                if (w != 0)
                    Dense.Axpy(w * Dense.Dot(y, p), y, ap);
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
