namespace RecLab.Data;

/// <summary>Assigns dense indices to external ids in order of first appearance.</summary>
/// <remarks>
/// Ids written as plain non-negative integers (MovieLens and most exports) are also found through a table indexed by
/// their value, which skips string hashing: the loaders look up an id for every line, and this is their hot path.
/// </remarks>
public sealed class IdMapBuilder
{
    // The value table stays small: at most this many entries, and no more than a few per id seen.
    private const int MaxTableSize = 1 << 22;
    private const int MinTableBound = 1 << 16;

    private readonly List<string> _ids;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private int[] _byValue = []; // index + 1 of the id whose value is the position; 0 = not known here

    /// <summary>Creates an empty builder.</summary>
    public IdMapBuilder(int capacity = 0)
    {
        _ids = new List<string>(capacity);
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _spanLookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Creates a builder that continues an existing map (its indices are kept).</summary>
    public IdMapBuilder(IdMap existing) : this(existing.Count)
    {
        foreach (var id in existing)
            GetOrAdd(id);
    }

    /// <summary>Number of ids so far.</summary>
    public int Count => _ids.Count;

    /// <summary>The index of <paramref name="id"/>, adding it if new.</summary>
    public int GetOrAdd(string id)
    {
        if (_index.TryGetValue(id, out var i))
            return i;
        i = _ids.Count;
        _ids.Add(id);
        _index.Add(id, i);
        return i;
    }

    /// <summary>The index of <paramref name="id"/>, adding it if new; allocates only for new ids.</summary>
    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        var value = CanonicalValue(id);
        if ((uint)value < (uint)_byValue.Length && _byValue[value] != 0)
            return _byValue[value] - 1;
        var i = _spanLookup.TryGetValue(id, out var found) ? found : GetOrAdd(id.ToString());
        if (value >= 0)
            Remember(value, i);
        return i;
    }

    /// <summary>The index of <paramref name="id"/> or -1, without adding it.</summary>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        var value = CanonicalValue(id);
        if ((uint)value < (uint)_byValue.Length && _byValue[value] != 0)
            return _byValue[value] - 1;
        return _spanLookup.TryGetValue(id, out var i) ? i : -1;
    }

    /// <summary>
    /// The value of an id that is a canonical integer below <see cref="MaxTableSize"/> ("0", "17"; not "017", "+1", " 1"),
    /// else -1. Only canonical spellings qualify, so two different strings never share a value.
    /// </summary>
    private static int CanonicalValue(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > 7 || (id[0] == '0' && id.Length > 1))
            return -1;
        var value = 0;
        foreach (var c in id)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
                return -1;
            value = value * 10 + digit;
        }
        return value < MaxTableSize ? value : -1;
    }

    private void Remember(int value, int index)
    {
        if (value >= _byValue.Length)
        {
            // Grow only while the table stays dense enough to be worth it; other ids keep using the dictionary.
            var bound = Math.Min(MaxTableSize, Math.Max(MinTableBound, 8 * _ids.Count));
            if (value >= bound)
                return;
            Array.Resize(ref _byValue, Math.Min(bound, Math.Max(value + 1, 2 * _byValue.Length)));
        }
        _byValue[value] = index + 1;
    }

    /// <summary>Freezes the ids into an <see cref="IdMap"/>.</summary>
    public IdMap Build() => new([.. _ids], new Dictionary<string, int>(_index, StringComparer.Ordinal));
}
