namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Intra-list diversity at N (Ziegler et al. 2005, as a distance): the mean pairwise cosine distance of the listed
/// items' feature vectors, <c>ILD = (2 / (k(k − 1))) Σ_{a &lt; b} (1 − cos(f_a, f_b))</c> over the k = min(N, |L|) items.
/// </summary>
/// <remarks>
/// Uses the L2-normalized features of <see cref="ListContext.ItemFeatures"/>, so the cosine is a sparse dot product.
/// Pairs involving an item without features are skipped (their cosine is undefined). NaN when the list has fewer than
/// two items, the context has no features, or no pair has features on both sides. With non-negative features
/// (genres, tags, TF-IDF) the value lies in [0, 1].
/// </remarks>
public sealed class IntraListDiversity : CutoffMetric, IListMetric
{
    /// <summary>Diversity of the top <paramref name="n"/> items.</summary>
    public IntraListDiversity(int n)
        : base("ild", n)
    {
    }

    /// <inheritdoc />
    public double Measure(ReadOnlySpan<int> ranked, ListContext context)
    {
        var features = context.ItemFeatures;
        var len = Math.Min(N, ranked.Length);
        if (features is null || len < 2)
            return double.NaN;
        var matrix = features.Matrix;
        var sum = 0.0;
        var pairs = 0;
        for (var a = 0; a < len; a++)
        {
            var ia = matrix.RowIndices(ranked[a]);
            if (ia.IsEmpty)
                continue;
            var va = matrix.RowValues(ranked[a]);
            for (var b = a + 1; b < len; b++)
            {
                var ib = matrix.RowIndices(ranked[b]);
                if (ib.IsEmpty)
                    continue;
                sum += 1.0 - SparseDot(ia, va, ib, matrix.RowValues(ranked[b]));
                pairs++;
            }
        }
        return pairs == 0 ? double.NaN : sum / pairs;
    }

    // Rows of a CSR matrix have ascending indices, so a merge walk finds the shared features.
    private static double SparseDot(ReadOnlySpan<int> ia, ReadOnlySpan<float> va, ReadOnlySpan<int> ib, ReadOnlySpan<float> vb)
    {
        var dot = 0.0;
        int x = 0, y = 0;
        while (x < ia.Length && y < ib.Length)
        {
            if (ia[x] < ib[y])
                x++;
            else if (ia[x] > ib[y])
                y++;
            else
                dot += (double)va[x++] * vb[y++];
        }
        return dot;
    }
}
