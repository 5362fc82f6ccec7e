using System.Buffers;

namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Normalized discounted cumulative gain at N:
/// <c>DCG@N = Σ_{k=1..min(N,|L|)} g(L[k]) / log2(k + 1)</c> and <c>NDCG@N = DCG@N / IDCG@N</c>, where g is the item's
/// gain from the <see cref="RelevanceSet"/> (1 for every relevant item by default: binary gain, 0 for the rest) and
/// the ideal <c>IDCG@N</c> places the <c>min(N, |R|)</c> largest gains at the top.
/// </summary>
/// <remarks>
/// The ideal over <c>min(N, |R|)</c> items lets a user with fewer than N relevant items reach 1, as Microsoft
/// Recommenders does. The log base cancels in the ratio (Microsoft Recommenders' default natural log gives the same
/// NDCG). <see cref="NdcgConvention.LensKit"/> computes LensKit's variant instead (<c>lenskit-ndcg@N</c>).
/// </remarks>
public sealed class Ndcg : CutoffMetric, IRankingMetric
{
    // Beyond this many ideal slots the scratch for the top gains comes from the array pool instead of the stack.
    private const int StackLimit = 128;
    private readonly double[] _discount;
    private readonly NdcgConvention _convention;

    /// <summary>NDCG at list length <paramref name="n"/>.</summary>
    public Ndcg(int n)
        : this(n, NdcgConvention.Standard)
    {
    }

    /// <summary>NDCG at list length <paramref name="n"/> by <paramref name="convention"/>.</summary>
    public Ndcg(int n, NdcgConvention convention)
        : base(convention == NdcgConvention.LensKit ? "lenskit-ndcg" : "ndcg", n)
    {
        _convention = convention;
        _discount = new double[n];
        for (var k = 0; k < n; k++)
            _discount[k] = Discount(k + 1, convention);
    }

    private static double Discount(int rank, NdcgConvention convention) =>
        convention == NdcgConvention.LensKit ? 1.0 / Math.Max(1.0, Math.Log2(rank)) : 1.0 / Math.Log2(rank + 1);

    /// <inheritdoc />
    /// <returns>NDCG@N in [0, 1], or NaN when <paramref name="relevant"/> is empty.</returns>
    public double Measure(ReadOnlySpan<int> ranked, RelevanceSet relevant)
    {
        if (relevant.Count == 0)
            return double.NaN;
        var len = Math.Min(N, ranked.Length);
        var dcg = 0.0;
        for (var k = 0; k < len; k++)
            dcg += relevant.Gain(ranked[k]) * _discount[k];
        return dcg == 0 ? 0.0 : dcg / IdealDcg(relevant);
    }

    private double IdealDcg(RelevanceSet relevant)
    {
        var m = _convention == NdcgConvention.LensKit ? relevant.Count : Math.Min(N, relevant.Count);
        float[]? rented = null;
        var top = m <= StackLimit ? stackalloc float[StackLimit] : (rented = ArrayPool<float>.Shared.Rent(m));
        top = top[..m];
        try
        {
            // Keep the m largest gains in descending order; with binary gains nothing moves once the buffer is full.
            var filled = 0;
            var items = relevant.Items;
            for (var j = 0; j < items.Count; j++)
            {
                var g = relevant.Gain(items[j]);
                if (filled == m && g <= top[m - 1])
                    continue;
                var at = filled < m ? filled++ : m - 1;
                while (at > 0 && top[at - 1] < g)
                {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = g;
            }
            var ideal = 0.0;
            for (var k = 0; k < m; k++)
                ideal += top[k] * (k < _discount.Length ? _discount[k] : Discount(k + 1, _convention));
            return ideal;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<float>.Shared.Return(rented);
        }
    }
}
