namespace RecLab.Internal.Kernels;

/// <summary>The obviously-correct twin of <see cref="PairMatrix.Gather"/>: one lookup per column.</summary>
internal static class PairMatrixNaive
{
    public static void Gather(PairMatrix matrix, int row, ReadOnlySpan<int> columns, Span<float> values)
    {
        for (var k = 0; k < columns.Length; k++)
            values[k] = matrix.Get(row, columns[k]);
    }
}
