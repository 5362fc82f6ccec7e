using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Notebooks;

/// <summary>
/// Items' latent factors seen along their principal axes: the directions in which the items' factor vectors vary
/// most (principal component analysis of the centred items x factors matrix, by SVD). A model's factor coordinates
/// are arbitrary up to a rotation, so single factors rarely mean anything; principal axes are ordered by variance,
/// so the first few show what the model found most worth telling apart.
/// </summary>
/// <remarks>
/// Each axis is oriented so that its largest coordinate in absolute value is positive (as scikit-learn's
/// <c>svd_flip</c> does), which makes the map deterministic.
/// </remarks>
public sealed class FactorMap
{
    private readonly double[][] _coordinates;

    private FactorMap(int[] items, double[][] coordinates, double[] shares)
    {
        Items = items;
        _coordinates = coordinates;
        VarianceShares = shares;
    }

    /// <summary>The mapped items (dense indices), in the order given.</summary>
    public IReadOnlyList<int> Items { get; }

    /// <summary>Number of principal axes kept.</summary>
    public int Axes => VarianceShares.Count;

    /// <summary>Share of the items' total factor variance along each axis, largest first.</summary>
    public IReadOnlyList<double> VarianceShares { get; }

    /// <summary>Maps <paramref name="items"/> by their factor vectors onto the first <paramref name="axes"/> principal axes.</summary>
    /// <param name="items">Items to map (e.g. those with enough ratings for their factors to mean something); at least 2.</param>
    /// <param name="factors">An item's factor vector, e.g. <c>mf.ItemFactors</c>.</param>
    /// <param name="axes">Axes to keep (at most the number of factors and of items).</param>
    /// <exception cref="ArgumentException">Fewer than 2 items, or vectors of different lengths.</exception>
    public static FactorMap Of(IReadOnlyList<int> items, Func<int, ReadOnlySpan<float>> factors, int axes = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(axes, 1);
        if (items.Count < 2)
            throw new ArgumentException("A factor map needs at least 2 items.", nameof(items));
        var k = factors(items[0]).Length;
        var matrix = Matrix<double>.Build.Dense(items.Count, k);
        for (var r = 0; r < items.Count; r++)
        {
            var row = factors(items[r]);
            if (row.Length != k)
                throw new ArgumentException($"Item {items[r]} has {row.Length} factors, item {items[0]} has {k}.", nameof(factors));
            for (var c = 0; c < k; c++)
                matrix[r, c] = row[c];
        }
        var means = matrix.ColumnSums() / items.Count;
        for (var r = 0; r < items.Count; r++)
            matrix.SetRow(r, matrix.Row(r) - means);

        var svd = matrix.Svd(computeVectors: true);
        var kept = Math.Min(axes, Math.Min(k, items.Count));
        var total = svd.S.Sum(s => s * s);
        var shares = new double[kept];
        var coordinates = new double[kept][];
        for (var a = 0; a < kept; a++)
        {
            shares[a] = total == 0 ? 0 : svd.S[a] * svd.S[a] / total;
            // Coordinates along axis a: U[:, a] * s_a.
            var column = svd.U.Column(a) * svd.S[a];
            var extreme = column.AbsoluteMaximumIndex();
            if (column[extreme] < 0)
                column = -column;
            coordinates[a] = column.ToArray();
        }
        return new FactorMap([.. items], coordinates, shares);
    }

    /// <summary>The coordinate of <c>Items[index]</c> along <paramref name="axis"/> (0-based).</summary>
    public double Coordinate(int index, int axis) => _coordinates[axis][index];

    /// <summary>The <paramref name="n"/> items at the high (or low) end of <paramref name="axis"/>, most extreme first; the score is the coordinate.</summary>
    public ScoredItem[] End(int axis, int n, bool high = true)
    {
        var order = Enumerable.Range(0, Items.Count)
            .OrderBy(i => high ? -_coordinates[axis][i] : _coordinates[axis][i])
            .ThenBy(i => Items[i]);
        return [.. order.Take(n).Select(i => new ScoredItem(Items[i], (float)_coordinates[axis][i]))];
    }

    /// <summary>
    /// For each feature of <paramref name="field"/> (e.g. each <c>genre</c>) that some mapped item has, the Pearson
    /// correlation across the mapped items between the feature's value (0 when absent) and the coordinate on each
    /// axis: which genres sit at which end of an axis.
    /// </summary>
    /// <returns>Feature values (the part after <c>field:</c>) with one correlation per axis, in feature order.</returns>
    public IReadOnlyList<(string Feature, double[] Correlations)> Correlations(ItemFeatures features, string field)
    {
        var rows = new List<(string, double[])>();
        var prefix = field + ":";
        for (var f = 0; f < features.FeatureCount; f++)
        {
            var name = features.Features[f];
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var values = Items.Select(i => (double)features.Matrix.Get(i, f)).ToArray();
            if (values.All(v => v == values[0]))
                continue;
            var correlations = new double[Axes];
            for (var a = 0; a < Axes; a++)
                correlations[a] = MathNet.Numerics.Statistics.Correlation.Pearson(values, _coordinates[a]);
            rows.Add((name[prefix.Length..], correlations));
        }
        return rows;
    }
}
