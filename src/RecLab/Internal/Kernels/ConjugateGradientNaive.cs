namespace RecLab.Internal.Kernels;

/// <summary>
/// The textbook twin of <see cref="ConjugateGradient"/>: forms the row's matrix and right-hand side explicitly in
/// double precision, then runs plain conjugate gradient from the same start for the same number of steps.
/// </summary>
internal static class ConjugateGradientNaive
{
    public static float[] Solve(ReadOnlySpan<float> gram, FactorMatrix other, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> start, int steps)
    {
        var k = other.Factors;
        var a = new double[k, k];
        var b = new double[k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                a[i, j] = gram[i * k + j];
        for (var n = 0; n < columns.Length; n++)
        {
            var v = values[n];
            var c = 1 + alpha * Math.Abs((double)v);
            var p = v > 0 ? 1.0 : 0.0;
            for (var i = 0; i < k; i++)
            {
                var yi = (double)other[columns[n]][i];
                b[i] += c * p * yi;
                for (var j = 0; j < k; j++)
                    a[i, j] += (c - 1) * yi * other[columns[n]][j];
            }
        }
        var x = new double[k];
        for (var i = 0; i < k; i++)
            x[i] = start[i];
        var r = new double[k];
        for (var i = 0; i < k; i++)
        {
            r[i] = b[i];
            for (var j = 0; j < k; j++)
                r[i] -= a[i, j] * x[j];
        }
        var dir = (double[])r.Clone();
        var rsOld = DotOf(r, r);
        if (rsOld < ConjugateGradient.Tolerance)
            return Array.ConvertAll(x, v => (float)v);
        for (var step = 0; step < steps; step++)
        {
            var ap = new double[k];
            for (var i = 0; i < k; i++)
                for (var j = 0; j < k; j++)
                    ap[i] += a[i, j] * dir[j];
            var alphaStep = rsOld / DotOf(dir, ap);
            for (var i = 0; i < k; i++)
            {
                x[i] += alphaStep * dir[i];
                r[i] -= alphaStep * ap[i];
            }
            var rsNew = DotOf(r, r);
            if (rsNew < ConjugateGradient.Tolerance)
                break;
            for (var i = 0; i < k; i++)
                dir[i] = r[i] + rsNew / rsOld * dir[i];
            rsOld = rsNew;
        }
        return Array.ConvertAll(x, v => (float)v);
    }

    private static double DotOf(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }
}
