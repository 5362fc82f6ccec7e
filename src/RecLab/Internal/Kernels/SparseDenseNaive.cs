using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>The textbook twin of <see cref="SparseDense"/>: densify, then triple loops in double.</summary>
internal static class SparseDenseNaive
{
    public static double[,] Densify(CsrMatrix a, bool pattern = false)
    {
        var d = new double[a.RowCount, a.ColumnCount];
        for (var r = 0; r < a.RowCount; r++)
        {
            var columns = a.RowIndices(r);
            var values = a.RowValues(r);
            for (var n = 0; n < columns.Length; n++)
                d[r, columns[n]] = pattern ? 1 : values[n];
        }
        return d;
    }

    public static float[] Multiply(CsrMatrix a, float[] b, int k)
    {
        var d = Densify(a);
        var c = new float[a.RowCount * k];
        for (var r = 0; r < a.RowCount; r++)
            for (var f = 0; f < k; f++)
            {
                double s = 0;
                for (var j = 0; j < a.ColumnCount; j++)
                    s += d[r, j] * b[j * k + f];
                c[r * k + f] = (float)s;
            }
        return c;
    }

    public static float[] PatternGram(CsrMatrix byRow)
    {
        var d = Densify(byRow, pattern: true);
        var n = byRow.ColumnCount;
        var g = new float[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var r = 0; r < byRow.RowCount; r++)
                    s += d[r, i] * d[r, j];
                g[i * n + j] = (float)s;
            }
        return g;
    }
}
