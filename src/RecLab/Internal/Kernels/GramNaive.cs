namespace RecLab.Internal.Kernels;

/// <summary>The textbook twin of <see cref="Gram"/>: every entry as a double-precision sum, full matrix.</summary>
internal static class GramNaive
{
    /// <summary>Σ_r w_r·y_r·y_rᵀ over the given rows (unit weights when <paramref name="weights"/> is null), plus ridge·I.</summary>
    public static float[] Compute(FactorMatrix factors, ReadOnlySpan<int> rows, float[]? weights, float ridge)
    {
        var k = factors.Factors;
        var result = new float[k * k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                double s = i == j ? ridge : 0;
                for (var r = 0; r < rows.Length; r++)
                    s += (weights?[r] ?? 1.0) * factors[rows[r]][i] * factors[rows[r]][j];
                result[i * k + j] = (float)s;
            }
        return result;
    }
}
