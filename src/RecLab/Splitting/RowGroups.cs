using RecLab.Data;

namespace RecLab.Splitting;

/// <summary>The row indices of every user's or every item's interactions, ascending within a group.</summary>
internal sealed class RowGroups
{
    private readonly int[] _offsets;

    // Null when grouping by user: a user's rows are already the contiguous run offsets[u]..offsets[u+1].
    private readonly int[]? _rows;

    private RowGroups(int[] offsets, int[]? rows)
    {
        _offsets = offsets;
        _rows = rows;
        for (var g = 0; g < Count; g++)
            MaxLength = Math.Max(MaxLength, Length(g));
    }

    /// <summary>Number of groups (users or items in the id space, with rows or not).</summary>
    public int Count => _offsets.Length - 1;

    /// <summary>Length of the largest group, for scratch buffers.</summary>
    public int MaxLength { get; }

    public static RowGroups Of(InteractionData data, GroupBy by)
    {
        if (by == GroupBy.User)
            return new RowGroups(data.ByUser.Offsets.ToArray(), null);
        // Counting sort of rows by item; filling in row order keeps each item's rows ascending (by user).
        var items = data.ItemColumn;
        var offsets = new int[data.ItemCount + 1];
        foreach (var i in items)
            offsets[i + 1]++;
        for (var i = 0; i < data.ItemCount; i++)
            offsets[i + 1] += offsets[i];
        var next = offsets.AsSpan(0, data.ItemCount).ToArray();
        var rows = new int[items.Length];
        for (var r = 0; r < items.Length; r++)
            rows[next[items[r]]++] = r;
        return new RowGroups(offsets, rows);
    }

    public int Length(int group) => _offsets[group + 1] - _offsets[group];

    /// <summary>Copies the rows of <paramref name="group"/> into <paramref name="scratch"/> and returns that slice.</summary>
    public Span<int> CopyRows(int group, Span<int> scratch)
    {
        var start = _offsets[group];
        var rows = scratch[..Length(group)];
        if (_rows is null)
            for (var k = 0; k < rows.Length; k++)
                rows[k] = start + k;
        else
            _rows.AsSpan(start, rows.Length).CopyTo(rows);
        return rows;
    }

    /// <summary>The groups with at least <paramref name="minLength"/> rows, ascending.</summary>
    public int[] WithAtLeast(int minLength)
    {
        var list = new List<int>();
        for (var g = 0; g < Count; g++)
            if (Length(g) >= minLength)
                list.Add(g);
        return [.. list];
    }
}
