namespace RecLab.Data;

/// <summary>
/// Sparse item side information: one row per item over a vocabulary of named features
/// (<c>field:value</c>, e.g. <c>genre:Comedy</c>, <c>tag:pixar</c>, <c>token:story</c>).
/// </summary>
public sealed class ItemFeatures
{
    internal ItemFeatures(IdMap items, IdMap features, CsrMatrix matrix)
    {
        if (matrix.RowCount != items.Count || matrix.ColumnCount != features.Count)
            throw new ArgumentException("The feature matrix does not match the id maps.");
        Items = items;
        Features = features;
        Matrix = matrix;
    }

    /// <summary>The item id map (the same instance as the interaction data's).</summary>
    public IdMap Items { get; }

    /// <summary>Feature names, <c>field:value</c>.</summary>
    public IdMap Features { get; }

    /// <summary>Items x features weights (counts, flags or TF-IDF).</summary>
    public CsrMatrix Matrix { get; }

    /// <summary>Number of distinct features.</summary>
    public int FeatureCount => Features.Count;

    /// <summary>The field of a feature (the part of its name before ':').</summary>
    public string FieldOf(int feature) => FieldOf(Features[feature]);

    internal static string FieldOf(string name)
    {
        var colon = name.IndexOf(':');
        return colon < 0 ? "" : name[..colon];
    }

    /// <summary>Distinct fields with the number of features in each, in order of first appearance.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> FieldCounts()
    {
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        foreach (var name in Features)
        {
            var field = FieldOf(name);
            if (!counts.TryGetValue(field, out var c))
                order.Add(field);
            counts[field] = c + 1;
        }
        return order.Select(f => new KeyValuePair<string, int>(f, counts[f])).ToList();
    }

    /// <summary>Number of items with at least one feature.</summary>
    public int ItemsWithFeatures()
    {
        var n = 0;
        for (var i = 0; i < Matrix.RowCount; i++)
            if (Matrix.RowLength(i) > 0)
                n++;
        return n;
    }

    /// <summary>Only the features of the given fields (e.g. <c>genre</c> and <c>tag</c>); feature indices are renumbered.</summary>
    public ItemFeatures OnlyFields(params string[] fields)
    {
        var keep = new HashSet<string>(fields, StringComparer.Ordinal);
        return Filter(f => keep.Contains(FieldOf(f)));
    }

    private ItemFeatures Filter(Func<int, bool> keepFeature)
    {
        var remap = new int[FeatureCount];
        var names = new List<string>();
        for (var f = 0; f < FeatureCount; f++)
        {
            remap[f] = keepFeature(f) ? names.Count : -1;
            if (remap[f] >= 0)
                names.Add(Features[f]);
        }
        var offsets = new int[Matrix.RowCount + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < Matrix.RowCount; i++)
        {
            var idx = Matrix.RowIndices(i);
            var val = Matrix.RowValues(i);
            for (var k = 0; k < idx.Length; k++)
            {
                if (remap[idx[k]] < 0)
                    continue;
                indices.Add(remap[idx[k]]);
                values.Add(val[k]);
            }
            offsets[i + 1] = indices.Count;
        }
        return new ItemFeatures(Items, IdMap.FromIds(names),
            new CsrMatrix(Matrix.RowCount, names.Count, offsets, [.. indices], [.. values]));
    }

    /// <summary>
    /// TF-IDF weighting: <c>w(i,f) = tf(i,f) * ln(N / df(f))</c> with N the number of items that have features
    /// and df the number of items with feature f; rows are L2-normalized when <paramref name="normalize"/>.
    /// A feature every item has gets weight 0 and carries no information.
    /// </summary>
    public ItemFeatures TfIdf(bool normalize = true)
    {
        var df = new int[FeatureCount];
        foreach (var f in Matrix.Indices)
            df[f]++;
        var n = ItemsWithFeatures();
        var idf = new float[FeatureCount];
        for (var f = 0; f < FeatureCount; f++)
            idf[f] = df[f] == 0 ? 0f : MathF.Log((float)n / df[f]);
        var values = Matrix.Values.ToArray();
        var indices = Matrix.Indices;
        for (var k = 0; k < values.Length; k++)
            values[k] *= idf[indices[k]];
        if (normalize)
            NormalizeRows(Matrix.OffsetArray, values);
        return new ItemFeatures(Items, Features,
            new CsrMatrix(Matrix.RowCount, FeatureCount, Matrix.OffsetArray, Matrix.IndexArray, values));
    }

    /// <summary>The same features with every row scaled to unit L2 norm (rows of zeros stay zero).</summary>
    public ItemFeatures Normalized()
    {
        var values = Matrix.Values.ToArray();
        NormalizeRows(Matrix.OffsetArray, values);
        return new ItemFeatures(Items, Features,
            new CsrMatrix(Matrix.RowCount, FeatureCount, Matrix.OffsetArray, Matrix.IndexArray, values));
    }

    private static void NormalizeRows(int[] offsets, float[] values)
    {
        for (var i = 0; i + 1 < offsets.Length; i++)
        {
            var row = values.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(row));
            if (norm > 0)
                System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
        }
    }
}
