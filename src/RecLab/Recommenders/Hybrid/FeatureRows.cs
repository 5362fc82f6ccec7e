namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Which embedding rows make up each user's or item's vector, with their weights (normalized to sum to 1, as LightFM
/// normalizes feature rows): the vector is <c>Σ_r w_r E_r</c>.
/// </summary>
internal sealed class FeatureRows
{
    private readonly int[] _offsets;
    private readonly int[] _rows;
    private readonly float[] _weights;

    private FeatureRows(int[] offsets, int[] rows, float[] weights) => (_offsets, _rows, _weights) = (offsets, rows, weights);

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<int> Rows(int entity) => _rows.AsSpan(_offsets[entity], _offsets[entity + 1] - _offsets[entity]);

    public ReadOnlySpan<float> Weights(int entity) => _weights.AsSpan(_offsets[entity], _offsets[entity + 1] - _offsets[entity]);

    /// <summary>Builds rows from per-entity (row, raw weight) lists; non-positive weights are dropped, the rest scaled to sum 1.</summary>
    public static FeatureRows Build(int count, Func<int, IEnumerable<(int Row, float Weight)>> entries)
    {
        var offsets = new int[count + 1];
        var rows = new List<int>();
        var weights = new List<float>();
        for (var e = 0; e < count; e++)
        {
            var start = rows.Count;
            var total = 0f;
            foreach (var (row, weight) in entries(e))
            {
                if (!(weight > 0))
                    continue;
                rows.Add(row);
                weights.Add(weight);
                total += weight;
            }
            for (var k = start; k < rows.Count; k++)
                weights[k] /= total;
            offsets[e + 1] = rows.Count;
        }
        return new FeatureRows(offsets, [.. rows], [.. weights]);
    }
}
