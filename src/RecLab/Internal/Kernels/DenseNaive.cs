namespace RecLab.Internal.Kernels;

/// <summary>The obviously-correct twin of <see cref="Dense"/>: plain loops accumulating in double.</summary>
internal static class DenseNaive
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += (double)a[i] * b[i];
        return (float)sum;
    }

    public static void MatVec(ReadOnlySpan<float> m, int rows, int stride, ReadOnlySpan<float> x, Span<float> y)
    {
        for (var r = 0; r < rows; r++)
            y[r] = Dot(m.Slice(r * stride, x.Length), x);
    }

    public static void MatVec(ReadOnlySpan<float> m, int rows, ReadOnlySpan<float> x, Span<float> y) => MatVec(m, rows, x.Length, x, y);

    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
            y[i] = (float)(y[i] + (double)alpha * x[i]);
    }
}
