namespace RecLab.Simulation.Economics;

/// <summary>How concentrated amounts (impressions, payouts) are over creators.</summary>
public static class Concentration
{
    /// <summary>
    /// Gini index over every entity, zeros included: with amounts sorted ascending,
    /// <c>G = Σ_{i=1..n} (2i − n − 1)·x_(i) / ((n − 1)·Σ x)</c> — the convention of RecLab's exposure metric
    /// (<c>Evaluation.Metrics.Gini</c>) for real-valued amounts: 0 when equal, 1 when one entity has everything.
    /// </summary>
    /// <returns>NaN when the total is 0; 0 for one entity.</returns>
    public static double Gini(ReadOnlySpan<double> amounts)
    {
        var n = amounts.Length;
        var sorted = amounts.ToArray();
        var total = 0.0;
        foreach (var x in sorted)
        {
            if (x < 0)
                throw new ArgumentException("Amounts cannot be negative.", nameof(amounts));
            total += x;
        }
        if (total == 0)
            return double.NaN;
        if (n == 1)
            return 0;
        Array.Sort(sorted);
        var numerator = 0.0;
        for (var i = 0; i < n; i++)
            numerator += (2.0 * (i + 1) - n - 1) * sorted[i];
        return numerator / ((n - 1.0) * total);
    }

    /// <summary>Share of the total held by the top <paramref name="fraction"/> of entities (at least one entity).</summary>
    /// <returns>NaN when the total is 0.</returns>
    public static double TopShare(ReadOnlySpan<double> amounts, double fraction = 0.01)
    {
        if (!(fraction is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");
        var sorted = amounts.ToArray();
        var total = sorted.Sum();
        if (total == 0)
            return double.NaN;
        Array.Sort(sorted);
        var k = Math.Max(1, (int)Math.Ceiling(fraction * sorted.Length));
        var top = 0.0;
        for (var i = sorted.Length - k; i < sorted.Length; i++)
            top += sorted[i];
        return top / total;
    }
}
