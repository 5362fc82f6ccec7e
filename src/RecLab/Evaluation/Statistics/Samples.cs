namespace RecLab.Evaluation.Statistics;

/// <summary>Input handling shared by the tests: pairwise deletion of undefined values and roundoff-aware equality.</summary>
internal static class Samples
{
    /// <summary>Values this close (relative to their magnitude) are the same value that roundoff split, e.g. 0.3 − 0.2 and 0.1.</summary>
    public const double RelativeTolerance = 1e-12;

    public static bool Close(double x, double y) =>
        Math.Abs(x - y) <= RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    /// <summary>The differences a[i] − b[i] of the pairs where both are defined.</summary>
    public static double[] Differences(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Paired samples must align: {a.Length} values against {b.Length}.", nameof(b));
        var count = 0;
        for (var i = 0; i < a.Length; i++)
            if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
                count++;
        var d = new double[count];
        var k = 0;
        for (var i = 0; i < a.Length; i++)
            if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
                d[k++] = a[i] - b[i];
        return d;
    }

    /// <summary>The pairs (y[i], x[i]) where both are defined, as two aligned arrays.</summary>
    public static (double[] Y, double[] X) DefinedPairs(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        if (y.Length != x.Length)
            throw new ArgumentException($"Numerators and denominators must align: {y.Length} against {x.Length}.", nameof(x));
        var ys = new List<double>(y.Length);
        var xs = new List<double>(x.Length);
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsNaN(y[i]) || double.IsNaN(x[i]))
                continue;
            ys.Add(y[i]);
            xs.Add(x[i]);
        }
        return ([.. ys], [.. xs]);
    }

    /// <summary>The defined (non-NaN) values.</summary>
    public static double[] Defined(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (var v in values)
            if (!double.IsNaN(v))
                list.Add(v);
        return [.. list];
    }
}
