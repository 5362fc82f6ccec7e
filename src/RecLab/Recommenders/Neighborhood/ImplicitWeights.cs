using RecLab.Data;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// The weighting of <see cref="ImplicitWeighting"/> for rows of a documents x terms matrix: statistics over the
/// training documents (term document frequencies, mean length), applied to any row, a training one or a query's.
/// Each row gets two value vectors: its own side and the side it has as somebody's neighbour (equal except for the
/// asymmetric cosine).
/// </summary>
internal sealed class ImplicitWeights
{
    private readonly ImplicitKnnOptions _options;
    private readonly float[] _idf;
    private readonly double _meanLength;
    private readonly double _logN;

    public ImplicitWeights(CsrMatrix documents, ImplicitKnnOptions options)
    {
        _options = options;
        var df = new int[documents.ColumnCount];
        foreach (var t in documents.Indices)
            df[t]++;
        _logN = Math.Log(Math.Max(1, documents.RowCount));
        _idf = new float[df.Length];
        for (var t = 0; t < df.Length; t++)
            _idf[t] = (float)(_logN - Math.Log(1 + df[t]));
        double total = 0;
        foreach (var v in documents.Values)
            total += v;
        _meanLength = documents.RowCount == 0 ? 1 : total / documents.RowCount;
    }

    /// <summary>Weights of every training row, aligned with <paramref name="documents"/>' values: (own side, neighbour side).</summary>
    public (float[] Own, float[] Neighbor) ForAll(CsrMatrix documents)
    {
        var own = new float[documents.NonZeroCount];
        var neighbor = _options.Weighting == ImplicitWeighting.AsymmetricCosine ? new float[documents.NonZeroCount] : own;
        for (var d = 0; d < documents.RowCount; d++)
        {
            var start = documents.Offsets[d];
            var length = documents.RowLength(d);
            Apply(documents.RowIndices(d), documents.RowValues(d), own.AsSpan(start, length), neighbor.AsSpan(start, length));
        }
        return (own, neighbor);
    }

    /// <summary>
    /// Weights one row (terms may lie outside the training term space: they get the idf of an unseen term).
    /// <paramref name="neighbor"/> may be the same span as <paramref name="own"/> unless the weighting is asymmetric.
    /// </summary>
    public void Apply(ReadOnlySpan<int> terms, ReadOnlySpan<float> values, Span<float> own, Span<float> neighbor)
    {
        var o = _options;
        switch (o.Weighting)
        {
            case ImplicitWeighting.None:
                values.CopyTo(own);
                break;
            case ImplicitWeighting.Cosine:
                Scale(values, own, 1 / Norm(values));
                break;
            case ImplicitWeighting.AsymmetricCosine:
                var squared = Norm(values) * Norm(values);
                Scale(values, own, Math.Pow(squared, -o.Alpha));
                Scale(values, neighbor, Math.Pow(squared, -(1 - o.Alpha)));
                break;
            case ImplicitWeighting.TfIdf:
                for (var k = 0; k < values.Length; k++)
                    own[k] = MathF.Sqrt(values[k]) * Idf(terms[k]);
                Scale(own, own, 1 / Norm(own));
                break;
            case ImplicitWeighting.Bm25:
                double length = 0;
                foreach (var v in values)
                    length += v;
                var norm = 1 - o.B + o.B * length / _meanLength;
                for (var k = 0; k < values.Length; k++)
                    own[k] = (float)(values[k] * (o.K1 + 1) / (o.K1 * norm + values[k]) * Idf(terms[k]));
                break;
        }
    }

    // A term never seen in training has document frequency 0.
    private float Idf(int term) => (uint)term < (uint)_idf.Length ? _idf[term] : (float)_logN;

    private static double Norm(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
            sum += (double)v * v;
        return Math.Sqrt(sum);
    }

    private static void Scale(ReadOnlySpan<float> values, Span<float> into, double factor)
    {
        if (double.IsInfinity(factor) || double.IsNaN(factor))
            factor = 0;
        for (var k = 0; k < values.Length; k++)
            into[k] = (float)(values[k] * factor);
    }
}
