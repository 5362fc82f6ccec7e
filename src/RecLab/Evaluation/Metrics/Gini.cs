using System.Buffers;

namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Gini index of exposure at N over ALL catalogue items (items never recommended count with exposure 0):
/// with exposures sorted ascending <c>x_(1) ≤ … ≤ x_(n)</c> over the n catalogue items,
/// <c>G = Σ_{i=1..n} (2i − n − 1) x_(i) / ((n − 1) Σ_i x_i)</c>.
/// 0 when every item is exposed equally, 1 when one item receives every exposure.
/// </summary>
/// <remarks>
/// The <c>n − 1</c> denominator makes the maximum exactly 1. Elliot's <c>Gini</c> uses the same formula but reports
/// <c>1 − G</c> (higher = more equal); LensKit's <c>gini</c> divides by <c>n</c>, whose maximum is <c>(n − 1)/n</c>.
/// Lower is fairer, so <see cref="CutoffMetric.HigherIsBetter"/> is false.
/// </remarks>
public sealed class Gini : CutoffMetric, ICatalogMetric
{
    /// <summary>Gini index of the exposure of the top <paramref name="n"/> lists.</summary>
    public Gini(int n)
        : base("gini", n, higherIsBetter: false)
    {
    }

    /// <inheritdoc />
    /// <returns>G in [0, 1]; NaN when nothing was exposed; 0 for a one-item catalogue.</returns>
    public double Measure(ReadOnlySpan<int> exposures, ListContext context)
    {
        Exposure.CheckLength(exposures, context);
        var n = exposures.Length;
        var amounts = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var x = amounts.AsSpan(0, n);
            for (var i = 0; i < n; i++)
                x[i] = exposures[i];
            return Index(x);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(amounts);
        }
    }

    /// <summary>
    /// The Gini index above of any non-negative amounts (exposures, impressions, payouts), zeros included.
    /// </summary>
    /// <returns>G in [0, 1]; NaN when the total is 0; 0 for one entity.</returns>
    /// <exception cref="ArgumentException">A negative amount.</exception>
    public static double Index(ReadOnlySpan<double> amounts)
    {
        var n = amounts.Length;
        var total = 0.0;
        foreach (var a in amounts)
        {
            if (a < 0)
                throw new ArgumentException("Amounts cannot be negative.", nameof(amounts));
            total += a;
        }
        if (total == 0)
            return double.NaN;
        if (n == 1)
            return 0.0;
        var sorted = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var x = sorted.AsSpan(0, n);
            amounts.CopyTo(x);
            x.Sort();
            var numerator = 0.0;
            for (var i = 0; i < n; i++)
                numerator += (2.0 * (i + 1) - n - 1) * x[i];
            return numerator / ((n - 1.0) * total);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sorted);
        }
    }
}
