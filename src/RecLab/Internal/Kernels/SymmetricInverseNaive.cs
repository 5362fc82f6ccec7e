namespace RecLab.Internal.Kernels;

/// <summary>The textbook twin of <see cref="SymmetricInverse"/>: Gauss-Jordan elimination in double on a copy.</summary>
internal static class SymmetricInverseNaive
{
    public static float[]? Invert(ReadOnlySpan<float> a, int n)
    {
        var m = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                m[i, j] = a[i * n + j];
            m[i, n + i] = 1;
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = m[col, col];
            if (pivot <= 0)
                return null; // a positive-definite matrix keeps positive pivots without row exchanges
            for (var j = 0; j < 2 * n; j++)
                m[col, j] /= pivot;
            for (var i = 0; i < n; i++)
            {
                if (i == col)
                    continue;
                var f = m[i, col];
                for (var j = 0; j < 2 * n; j++)
                    m[i, j] -= f * m[col, j];
            }
        }
        var result = new float[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                result[i * n + j] = (float)m[i, n + j];
        return result;
    }
}
