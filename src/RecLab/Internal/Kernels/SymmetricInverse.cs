using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DenseMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace RecLab.Internal.Kernels;

/// <summary>
/// In-place inverse of a large symmetric positive-definite float matrix (EASE's <c>(XᵀX + λI)⁻¹</c>) by block sweeps
/// (the SWEEP operator of Goodnight 1979, a symmetric Gauss-Jordan): sweeping every diagonal block of A leaves −A⁻¹.
/// Each sweep is one rank-b update of the lower triangle, tiled so a panel of the update stays in cache, in parallel
/// over column tiles (every entry is updated by one task in a fixed order: results do not depend on thread count).
/// Twin: <see cref="SymmetricInverseNaive"/>.
/// </summary>
/// <remarks>
/// About n³ floating-point operations (the lower triangle only) and no memory beyond the matrix and three b x n
/// panels. Only the lower triangle is read; the full symmetric inverse is written.
/// </remarks>
internal static class SymmetricInverse
{
    /// <summary>Block size b: large enough to amortize the passes over the matrix, small enough for a b x b dense inverse.</summary>
    public const int Block = 128;

    private const int TileColumns = 256;

    /// <summary>Replaces the row-major n x n matrix with its inverse.</summary>
    /// <returns>False when the matrix is not positive definite (its contents are then undefined).</returns>
    public static bool Invert(float[] a, int n, ParallelOptions parallel, Action<int, int>? progress = null)
    {
        if ((long)n * n > a.Length)
            throw new ArgumentException($"Expected {(long)n * n} values for a {n} x {n} matrix.", nameof(a));
        var b = Math.Min(Block, Math.Max(n, 1));
        var panel = new float[b * n];
        var negatedPanelT = new float[n * b];
        var w = new float[b * n];
        var blocks = (n + b - 1) / b;
        for (var block = 0; block < blocks; block++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            var k0 = block * b;
            var bs = Math.Min(b, n - k0);
            LoadPanel(a, n, k0, bs, panel, negatedPanelT);
            var dInverse = InverseOfBlock(panel, n, k0, bs);
            if (dInverse is null)
                return false;
            MultiplyPanel(dInverse, bs, panel, n, w, parallel);
            UpdateLower(a, n, negatedPanelT, bs, w, parallel);
            StoreSwept(a, n, k0, bs, w, dInverse);
            progress?.Invoke(block + 1, blocks);
        }
        // The lower triangle now holds −A⁻¹.
        for (var i = 0; i < n; i++)
        {
            var row = a.AsSpan(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                row[j] = -row[j];
                a[j * n + i] = row[j];
            }
        }
        return true;
    }

    // Rows k0..k0+bs of the current symmetric matrix (read from the lower triangle), and its negated transpose.
    private static void LoadPanel(float[] a, int n, int k0, int bs, float[] panel, float[] negatedPanelT)
    {
        for (var p = 0; p < bs; p++)
        {
            var row = k0 + p;
            a.AsSpan(row * n, row + 1).CopyTo(panel.AsSpan(p * n, row + 1));
        }
        // Entries right of the diagonal are read from the lower triangle of the later rows.
        for (var j = k0 + 1; j < n; j++)
        {
            var rows = Math.Min(bs, j - k0);
            for (var p = 0; p < rows; p++)
                panel[p * n + j] = a[j * n + k0 + p];
        }
        for (var j = 0; j < n; j++)
            for (var p = 0; p < bs; p++)
                negatedPanelT[j * bs + p] = -panel[p * n + j];
    }

    private static double[,]? InverseOfBlock(float[] panel, int n, int k0, int bs)
    {
        var d = DenseMatrix.Build.Dense(bs, bs, (p, q) => panel[p * n + k0 + q]);
        try
        {
            var inverse = d.Cholesky().Solve(DenseMatrix.Build.DenseIdentity(bs));
            return inverse.ToArray();
        }
        catch (ArgumentException)
        {
            return null; // MathNet's Cholesky rejects a matrix that is not positive definite.
        }
    }

    // W = D⁻¹·Panel (bs x n), in parallel over column tiles.
    private static void MultiplyPanel(double[,] dInverse, int bs, float[] panel, int n, float[] w, ParallelOptions parallel)
    {
        var dInv = new float[bs * bs];
        for (var p = 0; p < bs; p++)
            for (var q = 0; q < bs; q++)
                dInv[p * bs + q] = (float)dInverse[p, q];
        var tiles = (n + TileColumns - 1) / TileColumns;
        Parallel.For(0, tiles, parallel, t =>
        {
            var c0 = t * TileColumns;
            var width = Math.Min(TileColumns, n - c0);
            for (var p = 0; p < bs; p++)
            {
                var target = w.AsSpan(p * n + c0, width);
                target.Clear();
                for (var q = 0; q < bs; q++)
                    Dense.Axpy(dInv[p * bs + q], panel.AsSpan(q * n + c0, width), target);
            }
        });
    }

    // A[i, j] −= Σ_p Panel[p, i]·W[p, j] for every j ≤ i (and harmlessly a few entries right of the diagonal).
    private static void UpdateLower(float[] a, int n, float[] negatedPanelT, int bs, float[] w, ParallelOptions parallel)
    {
        var tiles = (n + TileColumns - 1) / TileColumns;
        Parallel.ForEach(Partitioner.Create(0, tiles, 1), parallel, () => new float[bs * TileColumns], (range, _, packed) =>
        {
            for (var t = range.Item1; t < range.Item2; t++)
            {
                var j0 = t * TileColumns;
                var width = Math.Min(TileColumns, n - j0);
                for (var p = 0; p < bs; p++)
                    w.AsSpan(p * n + j0, width).CopyTo(packed.AsSpan(p * width, width));
                UpdateTile(a, n, j0, width, negatedPanelT, bs, packed);
            }
            return packed;
        }, _ => { });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateTile(float[] a, int n, int j0, int width, float[] negatedPanelT, int bs, float[] packed)
    {
        ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
        ref var rc = ref MemoryMarshal.GetArrayDataReference(negatedPanelT);
        ref var rw = ref MemoryMarshal.GetArrayDataReference(packed);
        var v = Vector<float>.Count;
        var pairEnd = Vector.IsHardwareAccelerated ? width - width % (2 * v) : 0;
        var i = j0;
        for (; i + 4 <= n; i += 4)
        {
            ref var a0 = ref Unsafe.Add(ref ra, (nint)i * n + j0);
            ref var a1 = ref Unsafe.Add(ref a0, n);
            ref var a2 = ref Unsafe.Add(ref a1, n);
            ref var a3 = ref Unsafe.Add(ref a2, n);
            ref var c0 = ref Unsafe.Add(ref rc, i * bs);
            ref var c1 = ref Unsafe.Add(ref c0, bs);
            ref var c2 = ref Unsafe.Add(ref c1, bs);
            ref var c3 = ref Unsafe.Add(ref c2, bs);
            var c = 0;
            for (; c < pairEnd; c += 2 * v)
            {
                var x00 = Vector.LoadUnsafe(ref a0, (nuint)c);
                var x01 = Vector.LoadUnsafe(ref a0, (nuint)(c + v));
                var x10 = Vector.LoadUnsafe(ref a1, (nuint)c);
                var x11 = Vector.LoadUnsafe(ref a1, (nuint)(c + v));
                var x20 = Vector.LoadUnsafe(ref a2, (nuint)c);
                var x21 = Vector.LoadUnsafe(ref a2, (nuint)(c + v));
                var x30 = Vector.LoadUnsafe(ref a3, (nuint)c);
                var x31 = Vector.LoadUnsafe(ref a3, (nuint)(c + v));
                for (var p = 0; p < bs; p++)
                {
                    ref var wp = ref Unsafe.Add(ref rw, p * width + c);
                    var w0 = Vector.LoadUnsafe(ref wp);
                    var w1 = Vector.LoadUnsafe(ref wp, (nuint)v);
                    var s0 = new Vector<float>(Unsafe.Add(ref c0, p));
                    var s1 = new Vector<float>(Unsafe.Add(ref c1, p));
                    var s2 = new Vector<float>(Unsafe.Add(ref c2, p));
                    var s3 = new Vector<float>(Unsafe.Add(ref c3, p));
                    x00 = Vector.FusedMultiplyAdd(s0, w0, x00);
                    x01 = Vector.FusedMultiplyAdd(s0, w1, x01);
                    x10 = Vector.FusedMultiplyAdd(s1, w0, x10);
                    x11 = Vector.FusedMultiplyAdd(s1, w1, x11);
                    x20 = Vector.FusedMultiplyAdd(s2, w0, x20);
                    x21 = Vector.FusedMultiplyAdd(s2, w1, x21);
                    x30 = Vector.FusedMultiplyAdd(s3, w0, x30);
                    x31 = Vector.FusedMultiplyAdd(s3, w1, x31);
                }
                x00.StoreUnsafe(ref a0, (nuint)c);
                x01.StoreUnsafe(ref a0, (nuint)(c + v));
                x10.StoreUnsafe(ref a1, (nuint)c);
                x11.StoreUnsafe(ref a1, (nuint)(c + v));
                x20.StoreUnsafe(ref a2, (nuint)c);
                x21.StoreUnsafe(ref a2, (nuint)(c + v));
                x30.StoreUnsafe(ref a3, (nuint)c);
                x31.StoreUnsafe(ref a3, (nuint)(c + v));
            }
            for (var r = 0; r < 4; r++)
                UpdateColumnsScalar(ref Unsafe.Add(ref ra, (nint)(i + r) * n + j0), ref Unsafe.Add(ref rc, (i + r) * bs), ref rw, bs, width, c);
        }
        for (; i < n; i++)
            UpdateColumnsScalar(ref Unsafe.Add(ref ra, (nint)i * n + j0), ref Unsafe.Add(ref rc, i * bs), ref rw, bs, width, 0);
    }

    private static void UpdateColumnsScalar(ref float row, ref float coefficients, ref float packed, int bs, int width, int from)
    {
        for (var c = from; c < width; c++)
        {
            var s = Unsafe.Add(ref row, c);
            for (var p = 0; p < bs; p++)
                s += Unsafe.Add(ref coefficients, p) * Unsafe.Add(ref packed, p * width + c);
            Unsafe.Add(ref row, c) = s;
        }
    }

    // The swept block's row and column (lower storage) become W, its diagonal block −D⁻¹.
    private static void StoreSwept(float[] a, int n, int k0, int bs, float[] w, double[,] dInverse)
    {
        for (var p = 0; p < bs; p++)
        {
            var row = k0 + p;
            w.AsSpan(p * n, k0).CopyTo(a.AsSpan(row * n, k0));
            for (var q = 0; q <= p; q++)
                a[row * n + k0 + q] = (float)-dInverse[p, q];
        }
        for (var i = k0 + bs; i < n; i++)
            for (var p = 0; p < bs; p++)
                a[i * n + k0 + p] = w[p * n + i];
    }
}
