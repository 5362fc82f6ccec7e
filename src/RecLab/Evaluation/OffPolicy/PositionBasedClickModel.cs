namespace RecLab.Evaluation.OffPolicy;

/// <summary>
/// A position-based click model <c>P(click | item i at position k) = e_k · c_i</c> (Craswell et al. 2008; Chuklin,
/// Markov and de Rijke 2015): the examination probability of position k relative to the top (e_0 = 1) times the item's
/// click rate when examined. The direct model of the doubly robust estimator.
/// </summary>
/// <remarks>
/// Fitted by alternating moment matching, <c>e_k = clicks_k / Σ_{shown at k} c_i</c> and
/// <c>c_i = (clicks_i + m c̄) / (Σ_{shown i} e_k + m)</c>, the maximum-likelihood equations of the Poisson approximation;
/// <c>m</c> shrinks rarely shown items towards the mean rate c̄. It ignores the user, so its errors are what the importance
/// weights of the doubly robust estimator correct.
/// </remarks>
public sealed class PositionBasedClickModel
{
    private readonly double[] _examination;
    private readonly double[] _attraction;

    private PositionBasedClickModel(double[] examination, double[] attraction)
    {
        _examination = examination;
        _attraction = attraction;
    }

    /// <summary>Positions modelled (0 to count − 1).</summary>
    public int Positions => _examination.Length;

    /// <summary>Items modelled.</summary>
    public int Items => _attraction.Length;

    /// <summary>Examination of position k relative to the top, e_k (e_0 = 1).</summary>
    public double Examination(int position) => _examination[position];

    /// <summary>Click rate of an item at the top position, c_i.</summary>
    public double Attraction(int item) => _attraction[item];

    /// <summary>Predicted click probability of <paramref name="item"/> at <paramref name="position"/>, <c>min(1, e_k c_i)</c>.</summary>
    public double ClickProbability(int item, int position) => Math.Min(1.0, _examination[position] * _attraction[item]);

    /// <summary>Fits the model to logged impressions (item, position, clicked).</summary>
    /// <param name="items">Item of each impression, 0 to <paramref name="itemCount"/> − 1.</param>
    /// <param name="positions">Position of each impression (0 = top).</param>
    /// <param name="clicks">Whether each impression was clicked.</param>
    /// <param name="itemCount">Size of the catalogue.</param>
    /// <param name="priorStrength">m: pseudo-impressions at the mean rate added to every item.</param>
    /// <param name="iterations">Alternating updates.</param>
    public static PositionBasedClickModel Fit(ReadOnlySpan<int> items, ReadOnlySpan<byte> positions, ReadOnlySpan<bool> clicks, int itemCount,
        double priorStrength = 20, int iterations = 20)
    {
        if (positions.Length != items.Length || clicks.Length != items.Length)
            throw new ArgumentException("One item, position and click flag per impression.");
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(priorStrength);
        var positionCount = 1;
        foreach (var k in positions)
            positionCount = Math.Max(positionCount, k + 1);
        var itemClicks = new double[itemCount];
        var positionClicks = new double[positionCount];
        var total = 0.0;
        for (var r = 0; r < items.Length; r++)
        {
            if ((uint)items[r] >= (uint)itemCount)
                throw new ArgumentException($"Impression {r} has item {items[r]}, outside 0 to {itemCount - 1}.", nameof(items));
            if (!clicks[r])
                continue;
            itemClicks[items[r]]++;
            positionClicks[positions[r]]++;
            total++;
        }
        var e = new double[positionCount];
        var c = new double[itemCount];
        Array.Fill(e, 1.0);
        var exposure = new double[itemCount];
        var attention = new double[positionCount];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(exposure);
            for (var r = 0; r < items.Length; r++)
                exposure[items[r]] += e[positions[r]];
            var totalExposure = 0.0;
            foreach (var x in exposure)
                totalExposure += x;
            var mean = totalExposure > 0 ? total / totalExposure : 0;
            for (var i = 0; i < itemCount; i++)
                c[i] = (itemClicks[i] + priorStrength * mean) / (exposure[i] + priorStrength);
            Array.Clear(attention);
            for (var r = 0; r < items.Length; r++)
                attention[positions[r]] += c[items[r]];
            for (var k = 0; k < positionCount; k++)
                e[k] = attention[k] > 0 ? positionClicks[k] / attention[k] : 0;
            // Fix the scale: e_0 = 1 (the product e_k c_i is what the data identifies).
            var top = e[0];
            if (top > 0)
            {
                for (var k = 0; k < positionCount; k++)
                    e[k] /= top;
                for (var i = 0; i < itemCount; i++)
                    c[i] *= top;
            }
        }
        return new PositionBasedClickModel(e, c);
    }
}
