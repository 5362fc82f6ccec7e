namespace RecLab.Evaluation.Statistics;

/// <summary>Adjusting p-values for a family of comparisons.</summary>
public static class MultipleComparisons
{
    /// <summary>
    /// Holm–Bonferroni step-down adjustment (Holm 1979): with the m defined p-values sorted ascending
    /// <c>p_(1) ≤ … ≤ p_(m)</c>, <c>p̃_(k) = max_{j ≤ k} min(1, (m − j + 1) p_(j))</c>, returned in the input order.
    /// Controls the family-wise error rate under any dependence between the tests, and is never less powerful than
    /// Bonferroni. NaN p-values stay NaN and are not counted in m.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value outside [0, 1].</exception>
    public static double[] Holm(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var order = new List<int>(pValues.Length);
        for (var i = 0; i < pValues.Length; i++)
        {
            var p = pValues[i];
            if (double.IsNaN(p))
            {
                adjusted[i] = double.NaN;
                continue;
            }
            if (p is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} is outside [0, 1].");
            order.Add(i);
        }
        var values = pValues.ToArray();
        order.Sort((x, y) => values[x] != values[y] ? values[x].CompareTo(values[y]) : x.CompareTo(y));
        var m = order.Count;
        var running = 0.0;
        for (var k = 0; k < m; k++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - k) * values[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    /// <summary>The same results with <see cref="TestResult.AdjustedPValue"/> set by <see cref="Holm(ReadOnlySpan{double})"/> over the family.</summary>
    public static TestResult[] Holm(IReadOnlyList<TestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var p = new double[results.Count];
        for (var i = 0; i < p.Length; i++)
            p[i] = results[i].PValue;
        var adjusted = Holm(p);
        var output = new TestResult[p.Length];
        for (var i = 0; i < p.Length; i++)
            output[i] = results[i] with { AdjustedPValue = adjusted[i] };
        return output;
    }
}
