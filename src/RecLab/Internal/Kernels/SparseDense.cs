using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Products of a sparse CSR matrix with dense row-major matrices, in parallel over output rows (each output row
/// is written by one task in a fixed order, so results do not depend on the thread count). For <c>Aᵀ·B</c>, pass
/// the transposed view (an interaction set's by-item CSR). Twin: <see cref="SparseDenseNaive"/>.
/// </summary>
internal static class SparseDense
{
    /// <summary><c>C = A·B</c>: A is rows x cols sparse, B is cols x k row-major, C is rows x k row-major.</summary>
    public static void Multiply(CsrMatrix a, float[] b, int k, float[] c, ParallelOptions parallel)
    {
        if (b.Length < a.ColumnCount * k || c.Length < a.RowCount * k)
            throw new ArgumentException("Dense operands too short for the given shapes.");
        Parallel.ForEach(Partitioner.Create(0, a.RowCount, 64), parallel, range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
                MultiplyRow(a, r, b, k, c.AsSpan(r * k, k));
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyRow(CsrMatrix a, int row, float[] b, int k, Span<float> output)
    {
        output.Clear();
        var columns = a.RowIndices(row);
        var values = a.RowValues(row);
        for (var n = 0; n < columns.Length; n++)
            Dense.Axpy(values[n], b.AsSpan(columns[n] * k, k), output);
    }

    /// <summary>
    /// The dense Gram matrix <c>XᵀX</c> (cols x cols, row-major) of a 0/1 pattern matrix given by both views
    /// (<paramref name="byRow"/> and its transpose <paramref name="byColumn"/>): entry (i, j) counts rows holding
    /// both columns. <paramref name="columnMap"/> maps columns to output positions (-1 = leave out).
    /// </summary>
    public static void PatternGram(CsrMatrix byRow, CsrMatrix byColumn, int[] columnMap, int size, float[] result, ParallelOptions parallel)
    {
        if (result.Length < (long)size * size)
            throw new ArgumentException("Result too short.", nameof(result));
        Parallel.ForEach(Partitioner.Create(0, byColumn.RowCount, 16), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var target = columnMap[i];
                if (target < 0)
                    continue;
                var output = result.AsSpan(target * size, size);
                output.Clear();
                foreach (var r in byColumn.RowIndices(i))
                    foreach (var j in byRow.RowIndices(r))
                        if (columnMap[j] >= 0)
                            output[columnMap[j]] += 1;
            }
        });
    }
}
