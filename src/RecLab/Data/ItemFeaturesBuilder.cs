namespace RecLab.Data;

/// <summary>Collects (item, field, value, weight) facts; repeated facts add their weights.</summary>
public sealed class ItemFeaturesBuilder
{
    private readonly IdMapBuilder _features = new();
    private readonly List<Dictionary<int, float>?> _rows = [];

    /// <summary>Adds <paramref name="weight"/> to feature <c>field:value</c> of an item (by dense index).</summary>
    public void Add(int item, string field, string value, float weight = 1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        if (field.Contains(':'))
            throw new ArgumentException("A field name cannot contain ':'.", nameof(field));
        var f = _features.GetOrAdd(string.Concat(field, ":", value));
        while (_rows.Count <= item)
            _rows.Add(null);
        var row = _rows[item] ??= [];
        row[f] = row.GetValueOrDefault(f) + weight;
    }

    /// <summary>Number of distinct features so far.</summary>
    public int FeatureCount => _features.Count;

    /// <summary>Builds features for every item of <paramref name="items"/> (items never mentioned have empty rows).</summary>
    public ItemFeatures Build(IdMap items)
    {
        if (_rows.Count > items.Count)
            throw new InvalidOperationException($"Features were added for item index {_rows.Count - 1}, beyond the {items.Count} items.");
        var offsets = new int[items.Count + 1];
        for (var i = 0; i < items.Count; i++)
            offsets[i + 1] = offsets[i] + (i < _rows.Count ? _rows[i]?.Count ?? 0 : 0);
        var indices = new int[offsets[^1]];
        var values = new float[offsets[^1]];
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (row is null)
                continue;
            var k = offsets[i];
            foreach (var (f, w) in row)
            {
                indices[k] = f;
                values[k] = w;
                k++;
            }
            Array.Sort(indices, values, offsets[i], row.Count);
        }
        return new ItemFeatures(items, _features.Build(),
            new CsrMatrix(items.Count, _features.Count, offsets, indices, values));
    }
}
