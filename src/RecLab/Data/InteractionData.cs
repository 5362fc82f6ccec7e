namespace RecLab.Data;

/// <summary>
/// An immutable set of (user, item, value, time) interactions over dense indices.
/// Rows are kept in canonical order (by user, then item), so the by-user CSR view is the storage itself
/// and the by-item view is one cached transpose.
/// </summary>
/// <remarks>
/// Memory: 4 bytes item + 4 value + 4 time offset per row, plus 8 for the by-item view (user index and value)
/// and the two offset arrays: about 20 bytes per interaction. A row's user is implicit in the by-user offsets.
/// </remarks>
public sealed partial class InteractionData
{
    private readonly int[] _userOffsets;
    private readonly int[] _items;
    private readonly float[] _values;
    private readonly TimeColumn? _times;
    private readonly CsrMatrix _byUser;
    private CsrMatrix? _byItem;

    internal InteractionData(
        IdMap users, IdMap items, int[] userOffsets, int[] itemColumn, float[] values, TimeColumn? times,
        FeedbackKind kind, RatingScale? scale)
    {
        if (kind == FeedbackKind.Explicit && scale is null)
            throw new ArgumentException("Explicit feedback needs a rating scale.", nameof(scale));
        Users = users;
        Items = items;
        Kind = kind;
        Scale = kind == FeedbackKind.Explicit ? scale : null;
        _userOffsets = userOffsets;
        _items = itemColumn;
        _values = values;
        _times = times;
        _byUser = new CsrMatrix(users.Count, items.Count, userOffsets, itemColumn, values);
    }

    /// <summary>External user ids and their dense indices (shared by every subset of this data).</summary>
    public IdMap Users { get; }

    /// <summary>External item ids and their dense indices (shared by every subset of this data).</summary>
    public IdMap Items { get; }

    /// <summary>Number of users in the id space (some may have no rows in a subset).</summary>
    public int UserCount => Users.Count;

    /// <summary>Number of items in the id space, rated or not.</summary>
    public int ItemCount => Items.Count;

    /// <summary>Number of interactions (rows).</summary>
    public int Count => _items.Length;

    /// <summary>Whether values are ratings or implicit weights.</summary>
    public FeedbackKind Kind { get; }

    /// <summary>The rating scale of explicit data; null for implicit data.</summary>
    public RatingScale? Scale { get; }

    /// <summary>True when every row has a timestamp.</summary>
    public bool HasTimestamps => _times is not null;

    /// <summary>Items by row (canonical order: by user, then item).</summary>
    public ReadOnlySpan<int> ItemColumn => _items;

    /// <summary>Values by row.</summary>
    public ReadOnlySpan<float> ValueColumn => _values;

    /// <summary>Interactions as a users x items CSR matrix (no copy: this is the storage).</summary>
    public CsrMatrix ByUser => _byUser;

    /// <summary>Interactions as an items x users CSR matrix, built on first use and cached.</summary>
    public CsrMatrix ByItem => LazyInitializer.EnsureInitialized(ref _byItem, _byUser.Transpose);

    /// <summary>The rows of a user: <c>[start, end)</c> into the row columns.</summary>
    public Range RowsOf(int user) => new(_userOffsets[user], _userOffsets[user + 1]);

    /// <summary>The user of a row (binary search over the user offsets).</summary>
    public int UserOf(int row)
    {
        if ((uint)row >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(row));
        var k = _userOffsets.AsSpan(0, UserCount).BinarySearch(row);
        if (k >= 0)
        {
            // Skip users without rows, whose offsets repeat.
            while (k + 1 < UserCount && _userOffsets[k + 1] == row)
                k++;
            return k;
        }
        return ~k - 1;
    }

    /// <summary>A fresh array with the user of every row (4 bytes per row; not cached).</summary>
    public int[] UserColumn()
    {
        var users = new int[Count];
        for (var u = 0; u < UserCount; u++)
            users.AsSpan(_userOffsets[u], _userOffsets[u + 1] - _userOffsets[u]).Fill(u);
        return users;
    }

    /// <summary>The timestamp of a row (unix seconds for MovieLens). Throws when the data has none.</summary>
    public long TimestampAt(int row) =>
        _times is null ? throw new InvalidOperationException("This data has no timestamps.") : _times[row];

    /// <summary>A fresh array with every row's timestamp; empty when the data has none.</summary>
    public long[] TimestampColumn() => _times?.ToArray() ?? [];

    /// <summary>Number of users with at least one row.</summary>
    public int ActiveUserCount()
    {
        var n = 0;
        for (var u = 0; u < UserCount; u++)
            if (_userOffsets[u + 1] > _userOffsets[u])
                n++;
        return n;
    }

    /// <summary>Number of items with at least one row.</summary>
    public int ActiveItemCount()
    {
        var byItem = ByItem;
        var n = 0;
        for (var i = 0; i < ItemCount; i++)
            if (byItem.RowLength(i) > 0)
                n++;
        return n;
    }

    /// <summary>
    /// The rows at the given positions (strictly ascending), sharing this data's id maps, kind and scale.
    /// Splitters build train and test sets with it.
    /// </summary>
    public InteractionData Subset(ReadOnlySpan<int> rows)
    {
        var items = new int[rows.Length];
        var values = new float[rows.Length];
        var offsets = new int[UserCount + 1];
        var u = 0;
        var previous = -1;
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            if (row <= previous || row >= Count)
                throw new ArgumentException($"Rows must be strictly ascending and below {Count}; got {row} after {previous}.", nameof(rows));
            previous = row;
            while (_userOffsets[u + 1] <= row)
                u++;
            offsets[u + 1]++;
            items[k] = _items[row];
            values[k] = _values[row];
        }
        for (var v = 0; v < UserCount; v++)
            offsets[v + 1] += offsets[v];
        return new InteractionData(Users, Items, offsets, items, values, _times?.Select(rows), Kind, Scale);
    }

    /// <summary>
    /// Implicit feedback from these interactions: rows with value at least <paramref name="threshold"/>
    /// (all rows when null) are kept, with value 1 when <paramref name="binarize"/>, else their value.
    /// </summary>
    public InteractionData ToImplicit(float? threshold = null, bool binarize = true)
    {
        var rows = new List<int>(Count);
        for (var r = 0; r < Count; r++)
            if (threshold is null || _values[r] >= threshold.Value)
                rows.Add(r);
        var subset = rows.Count == Count ? this : Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var values = binarize ? new float[subset.Count] : subset._values.ToArray();
        if (binarize)
            values.AsSpan().Fill(1f);
        return new InteractionData(Users, Items, subset._userOffsets.ToArray(), subset._items.ToArray(), values,
            subset._times, FeedbackKind.Implicit, null);
    }

    /// <summary>The same rows (arrays shared) declared as another kind of feedback.</summary>
    internal InteractionData WithKind(FeedbackKind kind, RatingScale? scale) => WithValues(_values, kind, scale);

    /// <summary>The same rows (user, item and time arrays shared) with other values, one per row in row order.</summary>
    internal InteractionData WithValues(float[] values, FeedbackKind kind, RatingScale? scale)
    {
        if (values.Length != Count)
            throw new ArgumentException($"Expected one value per row ({Count:N0}), got {values.Length:N0}.", nameof(values));
        return new(Users, Items, _userOffsets, _items, values, _times, kind, scale);
    }

    /// <summary>Bytes held by the row columns and both CSR views (the by-item view is built if needed).</summary>
    public long SizeInBytes =>
        4L * (_userOffsets.Length + _items.Length + _values.Length) + (_times?.SizeInBytes ?? 0) + ByItem.SizeInBytes;
}
