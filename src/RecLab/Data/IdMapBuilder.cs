namespace RecLab.Data;

/// <summary>Assigns dense indices to external ids in order of first appearance.</summary>
public sealed class IdMapBuilder
{
    private readonly List<string> _ids;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

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
        if (_spanLookup.TryGetValue(id, out var i))
            return i;
        return GetOrAdd(id.ToString());
    }

    /// <summary>The index of <paramref name="id"/> or -1, without adding it.</summary>
    public int IndexOf(ReadOnlySpan<char> id) => _spanLookup.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Freezes the ids into an <see cref="IdMap"/>.</summary>
    public IdMap Build() => new([.. _ids], new Dictionary<string, int>(_index, StringComparer.Ordinal));
}
