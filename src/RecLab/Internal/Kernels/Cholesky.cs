using System.Runtime.CompilerServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Cholesky factorization and solve for the small symmetric positive-definite systems of least-squares factor
/// models (one per user or item), in float, in place, without allocation. Twin: <see cref="CholeskyNaive"/>.
/// </summary>
/// <remarks>
/// Row-oriented (Cholesky–Banachiewicz): every inner product runs over contiguous row prefixes, so it vectorizes.
/// A 64 x 64 factor-and-solve takes a few microseconds, several times faster than a general library call.
/// </remarks>
internal static class Cholesky
{
    /// <summary>
    /// Factors the row-major n x n matrix in place: its lower triangle becomes L with A = L·Lᵀ (only the lower
    /// triangle of the input is read; the upper triangle is left as it was).
    /// </summary>
    /// <returns>False when the matrix is not (numerically) positive definite.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Factor(Span<float> a, int n)
    {
        if (a.Length < n * n)
            throw new ArgumentException($"Expected {n * n} values for a {n} x {n} matrix.", nameof(a));
        for (var i = 0; i < n; i++)
        {
            var rowI = a.Slice(i * n, n);
            for (var j = 0; j < i; j++)
                rowI[j] = (rowI[j] - Dense.Dot(rowI[..j], a.Slice(j * n, j))) / a[j * n + j];
            var d = rowI[i] - Dense.Dot(rowI[..i], rowI[..i]);
            if (!(d > 0))
                return false;
            rowI[i] = MathF.Sqrt(d);
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (<paramref name="b"/> becomes x), L being the output of <see cref="Factor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<float> l, int n, Span<float> b)
    {
        for (var i = 0; i < n; i++)
            b[i] = (b[i] - Dense.Dot(l.Slice(i * n, i), b[..i])) / l[i * n + i];
        // Lᵀ·x = y by columns of Lᵀ, i.e. rows of L, so the updates stay contiguous.
        for (var i = n - 1; i >= 0; i--)
        {
            b[i] /= l[i * n + i];
            Dense.Axpy(-b[i], l.Slice(i * n, i), b[..i]);
        }
    }

    /// <summary>Factors and solves: <paramref name="b"/> becomes A⁻¹·b, <paramref name="a"/> is overwritten.</summary>
    /// <returns>False when A is not positive definite (b is then unchanged).</returns>
    public static bool FactorAndSolve(Span<float> a, int n, Span<float> b)
    {
        if (!Factor(a, n))
            return false;
        Solve(a, n, b);
        return true;
    }
}
