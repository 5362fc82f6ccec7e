using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The dense float kernels every factor model shares: dot, axpy and matrix-vector products over row-major matrices
/// with a row stride (a <see cref="FactorMatrix"/>, a Gram matrix), written for the short vectors of latent factors
/// (16-256) where a library call's fixed cost is as large as the work. Twin: <see cref="DenseNaive"/>.
/// </summary>
/// <remarks>
/// A fixed 8-lane <see cref="Vector256{T}"/> width, not <c>Vector&lt;T&gt;</c>, so a sum is added in the same order on
/// every machine and results are bit-identical across CPUs. Sums use a multiply then an add (measured as fast as a
/// fused multiply-add here, and what the SGD results were fixed with); <see cref="Axpy(float, ReadOnlySpan{float}, Span{float})"/> fuses. Lengths that are a
/// multiple of 8 (padded factor rows) never reach the scalar tails.
/// </remarks>
internal static class Dense
{
    /// <summary>Floats per vector; factor rows are padded to a multiple of it.</summary>
    public const int Lanes = 8;

    /// <summary>Σ a[i]·b[i] for i &lt; <paramref name="length"/>: two accumulators, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float a, ref float b, int length)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var k = 0;
        for (; k + 2 * Lanes <= length; k += 2 * Lanes)
        {
            acc0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
            acc1 += Vector256.LoadUnsafe(ref a, (nuint)(k + Lanes)) * Vector256.LoadUnsafe(ref b, (nuint)(k + Lanes));
        }
        if (k + Lanes <= length)
        {
            acc0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
            k += Lanes;
        }
        var sum = Vector256.Sum(acc0 + acc1);
        for (; k < length; k++)
            sum += Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k);
        return sum;
    }

    /// <summary>
    /// <see cref="Dot(ref float, ref float, int)"/> of four rows against one vector, each bit-identical to its own call:
    /// the same two accumulators per row, and the four vector sums finished together (<see cref="SumFour"/>). For a
    /// conjugate-gradient pass over a row's items, where one sum per item took as many instructions as the products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DotFour(ref float a0, ref float a1, ref float a2, ref float a3, ref float b, int length)
    {
        if (!Avx.IsSupported || length % Lanes != 0)
            return Vector128.Create(Dot(ref a0, ref b, length), Dot(ref a1, ref b, length), Dot(ref a2, ref b, length), Dot(ref a3, ref b, length));
        Vector256<float> p0 = default, q0 = default, p1 = default, q1 = default, p2 = default, q2 = default, p3 = default, q3 = default;
        var k = 0;
        for (; k + 2 * Lanes <= length; k += 2 * Lanes)
        {
            var v = Vector256.LoadUnsafe(ref b, (nuint)k);
            var w = Vector256.LoadUnsafe(ref b, (nuint)(k + Lanes));
            p0 += Vector256.LoadUnsafe(ref a0, (nuint)k) * v;
            q0 += Vector256.LoadUnsafe(ref a0, (nuint)(k + Lanes)) * w;
            p1 += Vector256.LoadUnsafe(ref a1, (nuint)k) * v;
            q1 += Vector256.LoadUnsafe(ref a1, (nuint)(k + Lanes)) * w;
            p2 += Vector256.LoadUnsafe(ref a2, (nuint)k) * v;
            q2 += Vector256.LoadUnsafe(ref a2, (nuint)(k + Lanes)) * w;
            p3 += Vector256.LoadUnsafe(ref a3, (nuint)k) * v;
            q3 += Vector256.LoadUnsafe(ref a3, (nuint)(k + Lanes)) * w;
        }
        if (k < length)
        {
            var v = Vector256.LoadUnsafe(ref b, (nuint)k);
            p0 += Vector256.LoadUnsafe(ref a0, (nuint)k) * v;
            p1 += Vector256.LoadUnsafe(ref a1, (nuint)k) * v;
            p2 += Vector256.LoadUnsafe(ref a2, (nuint)k) * v;
            p3 += Vector256.LoadUnsafe(ref a3, (nuint)k) * v;
        }
        return SumFour(p0 + q0, p1 + q1, p2 + q2, p3 + q3);
    }

    /// <summary>Σ a[i]·b[i] over the length of <paramref name="a"/> (<paramref name="b"/> at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = a.Length;
        return Dot(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b[..n]), n);
    }

    /// <summary><c>y += alpha · x</c> over the length of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var n = x.Length;
        Axpy(alpha, ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y[..n]), n);
    }

    /// <summary><c>y[i] += alpha · x[i]</c> for i &lt; <paramref name="length"/>, fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float alpha, ref float x, ref float y, int length)
    {
        var i = 0;
        var va = Vector256.Create(alpha);
        for (; i + Lanes <= length; i += Lanes)
            Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i))
                .StoreUnsafe(ref y, (nuint)i);
        for (; i < length; i++)
            Unsafe.Add(ref y, i) += alpha * Unsafe.Add(ref x, i);
    }

    /// <summary>
    /// <c>y[r] = Σ_j m[r·stride + j]·x[j]</c> for r &lt; <paramref name="rows"/> and j &lt; <c>x.Length</c> (≤ stride):
    /// the scores of every item for a user vector, or a Gram matrix times a search direction. Four rows share each
    /// load of <paramref name="x"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatVec(ReadOnlySpan<float> m, int rows, int stride, ReadOnlySpan<float> x, Span<float> y)
    {
        var k = x.Length;
        if (k > stride || m.Length < (long)(rows - 1) * stride + k || y.Length < rows)
            throw new ArgumentException("Matrix or output too short for the given shape.");
        ref var rm = ref MemoryMarshal.GetReference(m);
        ref var rx = ref MemoryMarshal.GetReference(x);
        var vectorEnd = k - k % Lanes;
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref var m0 = ref Unsafe.Add(ref rm, (nint)r * stride);
            ref var m1 = ref Unsafe.Add(ref m0, stride);
            ref var m2 = ref Unsafe.Add(ref m1, stride);
            ref var m3 = ref Unsafe.Add(ref m2, stride);
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            var j = 0;
            for (; j < vectorEnd; j += Lanes)
            {
                var vx = Vector256.LoadUnsafe(ref rx, (nuint)j);
                a0 += vx * Vector256.LoadUnsafe(ref m0, (nuint)j);
                a1 += vx * Vector256.LoadUnsafe(ref m1, (nuint)j);
                a2 += vx * Vector256.LoadUnsafe(ref m2, (nuint)j);
                a3 += vx * Vector256.LoadUnsafe(ref m3, (nuint)j);
            }
            if (j == k && Avx.IsSupported)
            {
                SumFour(a0, a1, a2, a3).StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)r);
                continue;
            }
            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
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
            y[r] = Dot(ref Unsafe.Add(ref rm, (nint)r * stride), ref rx, k);
    }

    /// <summary>
    /// <see cref="MatVec(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, Span{float})"/> for two vectors at once,
    /// each result bit-identical to its own call: every row is loaded once for both, and eight independent sums hide
    /// the adds' latency, each taken in the same order as the single product takes it. On a 256 x 64 tile read from L2
    /// the pair takes about 0.82 of the time of two single products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatVec2(ReadOnlySpan<float> m, int rows, int stride, ReadOnlySpan<float> x0, ReadOnlySpan<float> x1,
        Span<float> y0, Span<float> y1)
    {
        var k = x0.Length;
        if (x1.Length != k || k > stride || m.Length < (long)(rows - 1) * stride + k || y0.Length < rows || y1.Length < rows)
            throw new ArgumentException("Matrix, vectors or outputs do not match the given shape.");
        ref var rm = ref MemoryMarshal.GetReference(m);
        ref var rx = ref MemoryMarshal.GetReference(x0);
        ref var rz = ref MemoryMarshal.GetReference(x1);
        var vectorEnd = k - k % Lanes;
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref var m0 = ref Unsafe.Add(ref rm, (nint)r * stride);
            ref var m1 = ref Unsafe.Add(ref m0, stride);
            ref var m2 = ref Unsafe.Add(ref m1, stride);
            ref var m3 = ref Unsafe.Add(ref m2, stride);
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            var j = 0;
            for (; j < vectorEnd; j += Lanes)
            {
                var vx = Vector256.LoadUnsafe(ref rx, (nuint)j);
                var vz = Vector256.LoadUnsafe(ref rz, (nuint)j);
                var v0 = Vector256.LoadUnsafe(ref m0, (nuint)j);
                a0 += vx * v0;
                b0 += vz * v0;
                var v1 = Vector256.LoadUnsafe(ref m1, (nuint)j);
                a1 += vx * v1;
                b1 += vz * v1;
                var v2 = Vector256.LoadUnsafe(ref m2, (nuint)j);
                a2 += vx * v2;
                b2 += vz * v2;
                var v3 = Vector256.LoadUnsafe(ref m3, (nuint)j);
                a3 += vx * v3;
                b3 += vz * v3;
            }
            if (j == k && Avx.IsSupported)
            {
                SumFour(a0, a1, a2, a3).StoreUnsafe(ref MemoryMarshal.GetReference(y0), (nuint)r);
                SumFour(b0, b1, b2, b3).StoreUnsafe(ref MemoryMarshal.GetReference(y1), (nuint)r);
                continue;
            }
            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
            float t0 = Vector256.Sum(b0), t1 = Vector256.Sum(b1), t2 = Vector256.Sum(b2), t3 = Vector256.Sum(b3);
            for (; j < k; j++)
            {
                var xj = Unsafe.Add(ref rx, j);
                var zj = Unsafe.Add(ref rz, j);
                s0 += Unsafe.Add(ref m0, j) * xj;
                s1 += Unsafe.Add(ref m1, j) * xj;
                s2 += Unsafe.Add(ref m2, j) * xj;
                s3 += Unsafe.Add(ref m3, j) * xj;
                t0 += Unsafe.Add(ref m0, j) * zj;
                t1 += Unsafe.Add(ref m1, j) * zj;
                t2 += Unsafe.Add(ref m2, j) * zj;
                t3 += Unsafe.Add(ref m3, j) * zj;
            }
            y0[r] = s0;
            y0[r + 1] = s1;
            y0[r + 2] = s2;
            y0[r + 3] = s3;
            y1[r] = t0;
            y1[r + 1] = t1;
            y1[r + 2] = t2;
            y1[r + 3] = t3;
        }
        for (; r < rows; r++)
        {
            y0[r] = Dot(ref Unsafe.Add(ref rm, (nint)r * stride), ref rx, k);
            y1[r] = Dot(ref Unsafe.Add(ref rm, (nint)r * stride), ref rz, k);
        }
    }

    /// <summary>
    /// <c>[Sum(a), Sum(b), Sum(c), Sum(d)]</c>, each bit-identical to <see cref="Vector256.Sum{T}(Vector256{T})"/>, which
    /// adds <c>((v0+v1)+(v2+v3)) + ((v4+v5)+(v6+v7))</c>: two rounds of horizontal adds form those pairs and quads for
    /// all four vectors at once, and the halves are added last. Four separate sums took as many instructions as the
    /// 64-factor products they finish (ab-large's rankings and conjugate-gradient steps).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SumFour(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d)
    {
        var quads = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(c, d));
        return quads.GetLower() + quads.GetUpper();
    }

    /// <summary><see cref="MatVec(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, Span{float})"/> of a contiguous matrix (stride = <c>x.Length</c>).</summary>
    public static void MatVec(ReadOnlySpan<float> m, int rows, ReadOnlySpan<float> x, Span<float> y) => MatVec(m, rows, x.Length, x, y);

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

    /// <summary>True when no value is NaN or infinite (x - x is 0 only for finite x).</summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        var bad = Vector256<float>.Zero;
        var k = 0;
        ref var start = ref MemoryMarshal.GetReference(values);
        for (; k + Lanes <= values.Length; k += Lanes)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)k);
            bad |= ~Vector256.Equals(v - v, Vector256<float>.Zero);
        }
        if (bad != Vector256<float>.Zero)
            return false;
        for (; k < values.Length; k++)
            if (!float.IsFinite(values[k]))
                return false;
        return true;
    }
}
