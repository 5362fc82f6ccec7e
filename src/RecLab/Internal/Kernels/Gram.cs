using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Gram matrices of factor rows: <c>YᵀY</c> over a whole factor matrix (blocked, in parallel, reduced in a fixed
/// order so the result does not depend on the thread count) and weighted sums <c>Σ w·y·yᵀ</c> over a row's items.
/// Matrices are k x k row-major. Twin: <see cref="GramNaive"/>.
/// </summary>
/// <remarks>
/// Rows are taken four at a time, so each load and store of the accumulator row carries four rank-1 updates.
/// Only the upper triangle is accumulated (a few entries left of the diagonal too, where a SIMD block starts);
/// <see cref="Dense.SymmetrizeFromUpper"/> completes the matrix.
/// </remarks>
internal static class Gram
{
    /// <summary>Rows per parallel block of <see cref="Compute"/>: fixed, so blocks and their reduction order are too.</summary>
    public const int BlockRows = 2048;

    /// <summary>
    /// <c>result = YᵀY + ridge·I</c> (full symmetric, k x k) for the factors <paramref name="factors"/>.
    /// Block partial sums are added in block order in double precision.
    /// </summary>
    public static void Compute(FactorMatrix factors, Span<float> result, float ridge, ParallelOptions parallel)
    {
        var k = factors.Factors;
        var rowCount = factors.Rows;
        if (result.Length < k * k)
            throw new ArgumentException("Result too short for a k x k matrix.", nameof(result));
        var blocks = (rowCount + BlockRows - 1) / BlockRows;
        var partials = new double[blocks][];
        Parallel.ForEach(Partitioner.Create(0, blocks, 1), parallel, () => new float[k * k], (range, _, scratch) =>
        {
            for (var b = range.Item1; b < range.Item2; b++)
            {
                var start = b * BlockRows;
                var count = Math.Min(BlockRows, rowCount - start);
                scratch.AsSpan().Clear();
                AddBlock(factors, start, count, scratch);
                var partial = new double[k * k];
                for (var i = 0; i < k; i++)
                    for (var j = i; j < k; j++)
                        partial[i * k + j] = scratch[i * k + j];
                partials[b] = partial;
            }
            return scratch;
        }, _ => { });
        var sum = new double[k * k];
        foreach (var partial in partials)
            for (var t = 0; t < sum.Length; t++)
                sum[t] += partial[t];
        for (var i = 0; i < k; i++)
            for (var j = i; j < k; j++)
                result[i * k + j] = (float)sum[i * k + j];
        Dense.SymmetrizeFromUpper(result, k);
        Dense.AddToDiagonal(result, k, ridge);
    }

    /// <summary><c>a += Σ y·yᵀ</c> over <paramref name="count"/> consecutive rows from <paramref name="start"/> (upper triangle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddBlock(FactorMatrix factors, int start, int count, Span<float> a)
    {
        var k = factors.Factors;
        var r = start;
        var end = start + count;
        for (; r + 4 <= end; r += 4)
            AddFour(factors[r], factors[r + 1], factors[r + 2], factors[r + 3], 1f, 1f, 1f, 1f, a, k);
        for (; r < end; r++)
            AddOne(factors[r], 1f, a, k);
    }

    /// <summary>
    /// <c>a += Σ_r w_r·y_r·y_rᵀ</c> over the rows <paramref name="indices"/> of <paramref name="factors"/> (upper
    /// triangle); <paramref name="weights"/> aligned with the indices, or empty for unit weights.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddRows(FactorMatrix factors, ReadOnlySpan<int> indices, ReadOnlySpan<float> weights, Span<float> a)
    {
        var k = factors.Factors;
        var unit = weights.IsEmpty;
        if (!unit && weights.Length != indices.Length)
            throw new ArgumentException("Weights must align with indices (or be empty for unit weights).", nameof(weights));
        var r = 0;
        for (; r + 4 <= indices.Length; r += 4)
            AddFour(factors[indices[r]], factors[indices[r + 1]], factors[indices[r + 2]], factors[indices[r + 3]],
                unit ? 1f : weights[r], unit ? 1f : weights[r + 1], unit ? 1f : weights[r + 2], unit ? 1f : weights[r + 3], a, k);
        for (; r < indices.Length; r++)
            AddOne(factors[indices[r]], unit ? 1f : weights[r], a, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddFour(ReadOnlySpan<float> y0, ReadOnlySpan<float> y1, ReadOnlySpan<float> y2, ReadOnlySpan<float> y3,
        float w0, float w1, float w2, float w3, Span<float> a, int k)
    {
        ref var r0 = ref MemoryMarshal.GetReference(y0);
        ref var r1 = ref MemoryMarshal.GetReference(y1);
        ref var r2 = ref MemoryMarshal.GetReference(y2);
        ref var r3 = ref MemoryMarshal.GetReference(y3);
        ref var ra = ref MemoryMarshal.GetReference(a);
        const int w = Dense.Lanes;
        var vectorEnd = k - k % w;
        for (var i = 0; i < k; i++)
        {
            var c0 = w0 * Unsafe.Add(ref r0, i);
            var c1 = w1 * Unsafe.Add(ref r1, i);
            var c2 = w2 * Unsafe.Add(ref r2, i);
            var c3 = w3 * Unsafe.Add(ref r3, i);
            ref var row = ref Unsafe.Add(ref ra, i * k);
            var j = i - i % w;
            if (j < vectorEnd)
            {
                var v0 = Vector256.Create(c0);
                var v1 = Vector256.Create(c1);
                var v2 = Vector256.Create(c2);
                var v3 = Vector256.Create(c3);
                for (; j < vectorEnd; j += w)
                {
                    var acc = Vector256.LoadUnsafe(ref row, (nuint)j);
                    acc = Vector256.FusedMultiplyAdd(v0, Vector256.LoadUnsafe(ref r0, (nuint)j), acc);
                    acc = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref r1, (nuint)j), acc);
                    acc = Vector256.FusedMultiplyAdd(v2, Vector256.LoadUnsafe(ref r2, (nuint)j), acc);
                    acc = Vector256.FusedMultiplyAdd(v3, Vector256.LoadUnsafe(ref r3, (nuint)j), acc);
                    acc.StoreUnsafe(ref row, (nuint)j);
                }
            }
            else
            {
                j = i;
            }
            for (; j < k; j++)
                Unsafe.Add(ref row, j) += c0 * Unsafe.Add(ref r0, j) + c1 * Unsafe.Add(ref r1, j)
                    + c2 * Unsafe.Add(ref r2, j) + c3 * Unsafe.Add(ref r3, j);
        }
    }

    private static void AddOne(ReadOnlySpan<float> y, float weight, Span<float> a, int k)
    {
        for (var i = 0; i < k; i++)
        {
            var c = weight * y[i];
            var start = i - i % Dense.Lanes;
            Dense.Axpy(c, y[start..k], a.Slice(i * k + start, k - start));
        }
    }
}
