namespace RecLab.Simulation.Economics;

/// <summary>How concentrated amounts (impressions, payouts) are over creators.</summary>
public static class Concentration
{
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
