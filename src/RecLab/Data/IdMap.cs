using System.Collections;

namespace RecLab.Data;

/// <summary>
/// Maps external ids (strings as they appear in the data) to dense 0-based indices and back.
/// Ids are mapped in once at the edge; algorithms only ever see the indices.
/// </summary>
public sealed class IdMap : IReadOnlyList<string>
{
    private readonly string[] _ids;
    private readonly Dictionary<string, int> _index;

    internal IdMap(string[] ids, Dictionary<string, int> index)
    {
        _ids = ids;
        _index = index;
    }

    /// <summary>Builds a map whose index order is the order of <paramref name="ids"/>; duplicates are rejected.</summary>
    public static IdMap FromIds(IEnumerable<string> ids)
    {
        var builder = new IdMapBuilder();
        foreach (var id in ids)
        {
            var before = builder.Count;
            if (builder.GetOrAdd(id) != before)
                throw new ArgumentException($"Duplicate id '{id}'.", nameof(ids));
        }
        return builder.Build();
    }

    /// <summary>A map of <paramref name="count"/> ids "0", "1", ... (synthetic data and tests).</summary>
    public static IdMap Sequential(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var builder = new IdMapBuilder(count);
        for (var i = 0; i < count; i++)
            builder.GetOrAdd(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.Build();
    }

    /// <summary>Number of ids.</summary>
    public int Count => _ids.Length;

    /// <summary>The external id at a dense index.</summary>
    public string this[int index] => _ids[index];

    /// <summary>The external id at a dense index.</summary>
    public string IdAt(int index) => _ids[index];

    /// <summary>The dense index of an external id, or -1 when it is unknown.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The dense index of an external id, or -1 when it is unknown (no allocation).</summary>
    public int IndexOf(ReadOnlySpan<char> id) =>
        _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    /// <summary>True when the id is known.</summary>
    public bool Contains(string id) => _index.ContainsKey(id);

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_ids).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
