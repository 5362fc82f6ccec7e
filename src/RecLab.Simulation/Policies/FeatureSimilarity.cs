using RecLab.Data;

namespace RecLab.Simulation.Policies;

/// <summary>Cosine similarity of two items over some item feature fields (rows L2-normalized once, then a sorted merge per pair).</summary>
internal sealed class FeatureSimilarity
{
    private readonly CsrMatrix _rows;

    public FeatureSimilarity(ItemFeatures features, IReadOnlyList<string> fields)
    {
        var kept = features.OnlyFields([.. fields]);
        if (kept.FeatureCount == 0)
            throw new ArgumentException($"The items have none of the diversity fields {string.Join(", ", fields)}.");
        _rows = kept.Normalized().Matrix;
    }

    public float Cosine(int a, int b)
    {
        var ia = _rows.RowIndices(a);
        var va = _rows.RowValues(a);
        var ib = _rows.RowIndices(b);
        var vb = _rows.RowValues(b);
        float sum = 0;
        int x = 0, y = 0;
        while (x < ia.Length && y < ib.Length)
        {
            if (ia[x] == ib[y])
                sum += va[x++] * vb[y++];
            else if (ia[x] < ib[y])
                x++;
            else
                y++;
        }
        return sum;
    }
}
