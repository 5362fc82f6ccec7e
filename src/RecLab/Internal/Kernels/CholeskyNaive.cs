namespace RecLab.Internal.Kernels;

/// <summary>The textbook twin of <see cref="Cholesky"/>: double precision, a fresh array, no tricks.</summary>
internal static class CholeskyNaive
{
    /// <summary>Solves A·x = b for a symmetric positive-definite row-major A (read in full); null when not positive definite.</summary>
    public static float[]? Solve(ReadOnlySpan<float> a, int n, ReadOnlySpan<float> b)
    {
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double s = a[i * n + j];
                for (var p = 0; p < j; p++)
                    s -= l[i, p] * l[j, p];
                if (i == j)
                {
                    if (s <= 0)
                        return null;
                    l[i, i] = Math.Sqrt(s);
                }
                else
                {
                    l[i, j] = s / l[j, j];
                }
            }
        }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            double s = b[i];
            for (var p = 0; p < i; p++)
                s -= l[i, p] * y[p];
            y[i] = s / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var p = i + 1; p < n; p++)
                s -= l[p, i] * x[p];
            x[i] = s / l[i, i];
        }
        return Array.ConvertAll(x, v => (float)v);
    }
}
