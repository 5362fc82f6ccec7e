namespace RecLab.Evaluation;

/// <summary>
/// The relevant test items of one user with their gains, reusable across users (one per thread):
/// O(1) membership by a dense per-item table that is reset item by item, never cleared in full.
/// </summary>
public sealed class RelevanceSet
{
    private readonly float[] _gain;
    private readonly List<int> _items = [];

    /// <summary>Creates an empty set over <paramref name="itemCount"/> items.</summary>
    public RelevanceSet(int itemCount) => _gain = new float[itemCount];

    /// <summary>Replaces the contents: <paramref name="items"/> (distinct) with gains (1 each when empty).</summary>
    public void Reset(ReadOnlySpan<int> items, ReadOnlySpan<float> gains = default)
    {
        if (!gains.IsEmpty && gains.Length != items.Length)
            throw new ArgumentException("Gains must align with items.", nameof(gains));
        foreach (var item in _items)
            _gain[item] = 0;
        _items.Clear();
        for (var k = 0; k < items.Length; k++)
        {
            var g = gains.IsEmpty ? 1f : gains[k];
            if (g <= 0)
                throw new ArgumentException("Gains of relevant items must be positive.", nameof(gains));
            if (_gain[items[k]] != 0)
                throw new ArgumentException($"Item {items[k]} appears twice.", nameof(items));
            _gain[items[k]] = g;
            _items.Add(items[k]);
        }
    }

    /// <summary>Number of relevant items.</summary>
    public int Count => _items.Count;

    /// <summary>The relevant items, in the order given.</summary>
    public IReadOnlyList<int> Items => _items;

    /// <summary>Number of items in the id space.</summary>
    public int ItemCount => _gain.Length;

    /// <summary>True when the item is relevant.</summary>
    public bool Contains(int item) => _gain[item] > 0;

    /// <summary>The item's gain (0 when not relevant).</summary>
    public float Gain(int item) => _gain[item];
}
