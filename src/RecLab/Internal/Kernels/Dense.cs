using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Small dense float kernels for factor models (row-major matrices in flat spans), written for the short vectors
/// of latent factors (16-256) where a library call's fixed cost is as large as the work. Twin: <see cref="DenseNaive"/>.
/// </summary>
internal static class Dense
{
    /// <summary>Σ a[i]·b[i] over the shorter length's worth of <paramref name="a"/> (spans must be equally long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = a.Length;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b[..n]);
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            var w = Vector<float>.Count;
            for (; i + 2 * w <= n; i += 2 * w)
            {
                acc0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i), acc0);
                acc1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)(i + w)), Vector.LoadUnsafe(ref rb, (nuint)(i + w)), acc1);
            }
            if (i + w <= n)
            {
                acc0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i), acc0);
                i += w;
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        return sum;
    }

    /// <summary><c>y += alpha · x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var n = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y[..n]);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(alpha);
            for (; i + Vector<float>.Count <= n; i += Vector<float>.Count)
                Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i))
                    .StoreUnsafe(ref ry, (nuint)i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
    }

    /// <summary>
    /// <c>y = M x</c> for a row-major <paramref name="rows"/> x <c>x.Length</c> matrix: scores of every item for a
    /// user vector, or a Gram matrix times a search direction. Four rows share each load of <paramref name="x"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatVec(ReadOnlySpan<float> m, int rows, ReadOnlySpan<float> x, Span<float> y)
    {
        var k = x.Length;
        if (m.Length < rows * k || y.Length < rows)
            throw new ArgumentException("Matrix or output too short for the given shape.");
        ref var rm = ref MemoryMarshal.GetReference(m);
        ref var rx = ref MemoryMarshal.GetReference(x);
        var w = Vector<float>.Count;
        var vectorEnd = Vector.IsHardwareAccelerated ? k - k % w : 0;
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref var m0 = ref Unsafe.Add(ref rm, r * k);
            ref var m1 = ref Unsafe.Add(ref m0, k);
            ref var m2 = ref Unsafe.Add(ref m1, k);
            ref var m3 = ref Unsafe.Add(ref m2, k);
            var a0 = Vector<float>.Zero;
            var a1 = Vector<float>.Zero;
            var a2 = Vector<float>.Zero;
            var a3 = Vector<float>.Zero;
            var j = 0;
            for (; j < vectorEnd; j += w)
            {
                var vx = Vector.LoadUnsafe(ref rx, (nuint)j);
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m0, (nuint)j), vx, a0);
                a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m1, (nuint)j), vx, a1);
                a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m2, (nuint)j), vx, a2);
                a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref m3, (nuint)j), vx, a3);
            }
            float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (; j < k; j++)
            {
                var xj = Unsafe.Add(ref rx, j);
                s0 += Unsafe.Add(ref m0, j) * xj;
                s1 += Unsafe.Add(ref m1, j) * xj;
                s2 += Unsafe.Add(ref m2, j) * xj;
                s3 += Unsafe.Add(ref m3, j) * xj;
            }
            y[r] = s0;
            y[r + 1] = s1;
            y[r + 2] = s2;
            y[r + 3] = s3;
        }
        for (; r < rows; r++)
            y[r] = Dot(m.Slice(r * k, k), x);
    }

    /// <summary>Copies the upper triangle of a row-major n x n matrix onto its lower triangle.</summary>
    public static void SymmetrizeFromUpper(Span<float> a, int n)
    {
        for (var i = 1; i < n; i++)
            for (var j = 0; j < i; j++)
                a[i * n + j] = a[j * n + i];
    }

    /// <summary>Adds <paramref name="value"/> to the diagonal of a row-major n x n matrix.</summary>
    public static void AddToDiagonal(Span<float> a, int n, float value)
    {
        for (var i = 0; i < n; i++)
            a[i * n + i] += value;
    }

    /// <summary>True when every value is finite (no NaN, no infinity).</summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        // NaN and ±inf are the only values for which x - x is not 0.
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var r = ref MemoryMarshal.GetReference(values);
            for (; i + Vector<float>.Count <= values.Length; i += Vector<float>.Count)
            {
                var v = Vector.LoadUnsafe(ref r, (nuint)i);
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                    return false;
            }
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                return false;
        return true;
    }
}
