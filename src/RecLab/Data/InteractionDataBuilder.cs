namespace RecLab.Data;

/// <summary>
/// Collects interactions in any order and builds an <see cref="InteractionData"/> in canonical order,
/// resolving duplicate (user, item) pairs by a <see cref="DuplicatePolicy"/>.
/// </summary>
public sealed class InteractionDataBuilder
{
    private int[] _users;
    private int[] _items;
    private float[] _values;
    private long[]? _times;
    private int _count;

    /// <summary>Creates a builder; ids are mapped by the two builders, which may already hold ids.</summary>
    public InteractionDataBuilder(IdMapBuilder? users = null, IdMapBuilder? items = null, int capacity = 1024)
    {
        UserIds = users ?? new IdMapBuilder();
        ItemIds = items ?? new IdMapBuilder();
        capacity = Math.Max(capacity, 16);
        _users = new int[capacity];
        _items = new int[capacity];
        _values = new float[capacity];
    }

    /// <summary>The user id map being built.</summary>
    public IdMapBuilder UserIds { get; }

    /// <summary>The item id map being built.</summary>
    public IdMapBuilder ItemIds { get; }

    /// <summary>Rows added so far (duplicates included).</summary>
    public int Count => _count;

    /// <summary>Adds a row by external ids.</summary>
    public void Add(ReadOnlySpan<char> user, ReadOnlySpan<char> item, float value, long? timestamp = null) =>
        Add(UserIds.GetOrAdd(user), ItemIds.GetOrAdd(item), value, timestamp);

    /// <summary>
    /// Adds a row by dense indices (already issued by <see cref="UserIds"/> and <see cref="ItemIds"/>).
    /// Either every row has a timestamp or none has.
    /// </summary>
    public void Add(int user, int item, float value, long? timestamp = null)
    {
        if (_count == 0 && timestamp is not null)
            _times = new long[_users.Length];
        if ((_times is not null) != (timestamp is not null))
            throw new InvalidOperationException("Either every row has a timestamp or none has.");
        if (_count == _users.Length)
            Grow();
        _users[_count] = user;
        _items[_count] = item;
        _values[_count] = value;
        if (_times is not null)
            _times[_count] = timestamp!.Value;
        _count++;
    }

    /// <summary>Makes room for <paramref name="capacity"/> rows in total (loaders call it with an estimate from the file size).</summary>
    internal void EnsureCapacity(int capacity)
    {
        if (capacity <= _users.Length)
            return;
        Array.Resize(ref _users, capacity);
        Array.Resize(ref _items, capacity);
        Array.Resize(ref _values, capacity);
        if (_times is not null)
            Array.Resize(ref _times, capacity);
    }

    private void Grow()
    {
        var size = checked(_users.Length * 2);
        Array.Resize(ref _users, size);
        Array.Resize(ref _items, size);
        Array.Resize(ref _values, size);
        if (_times is not null)
            Array.Resize(ref _times, size);
    }

    /// <summary>Builds the data with the id maps as they stand now.</summary>
    public InteractionData Build(FeedbackKind kind, RatingScale? scale, DuplicatePolicy duplicates = DuplicatePolicy.LastByTimestamp) =>
        Build(kind, scale, duplicates, UserIds.Build(), ItemIds.Build(), out _);

    /// <summary>Builds the data with the given id maps (which must cover every index used), reporting duplicates resolved.</summary>
    public InteractionData Build(
        FeedbackKind kind, RatingScale? scale, DuplicatePolicy duplicates, IdMap users, IdMap items, out int duplicateCount)
    {
        var n = _count;
        var offsets = new int[users.Count + 1];
        for (var r = 0; r < n; r++)
        {
            var u = _users[r];
            if ((uint)u >= (uint)users.Count)
                throw new InvalidOperationException($"User index {u} is outside the id map ({users.Count} users).");
            if ((uint)_items[r] >= (uint)items.Count)
                throw new InvalidOperationException($"Item index {_items[r]} is outside the id map ({items.Count} items).");
            offsets[u + 1]++;
        }
        for (var u = 0; u < users.Count; u++)
            offsets[u + 1] += offsets[u];
        if (IsCanonical())
            return Copy(kind, scale, users, items, offsets, out duplicateCount);

        // Counting sort by user keeps input order within a user; then each user's rows are sorted by
        // (item, input position) packed in one long so that duplicates are adjacent and in input order.
        var keys = new long[n];
        var next = offsets.AsSpan(0, users.Count).ToArray();
        for (var r = 0; r < n; r++)
            keys[next[_users[r]]++] = ((long)_items[r] << 32) | (uint)r;
        Parallel.For(0, users.Count, u => keys.AsSpan(offsets[u], offsets[u + 1] - offsets[u]).Sort());

        var outItems = new int[n];
        var outValues = new float[n];
        var outTimes = _times is null ? null : new long[n];
        var outOffsets = new int[users.Count + 1];
        var w = 0;
        var dup = 0;
        for (var u = 0; u < users.Count; u++)
        {
            var k = offsets[u];
            var end = offsets[u + 1];
            while (k < end)
            {
                var item = (int)(keys[k] >> 32);
                var groupEnd = k + 1;
                while (groupEnd < end && (int)(keys[groupEnd] >> 32) == item)
                    groupEnd++;
                outItems[w] = item;
                if (groupEnd - k == 1)
                {
                    // Most pairs occur once: copy without resolving.
                    var row = Row(keys, k);
                    outValues[w] = _values[row];
                    if (outTimes is not null)
                        outTimes[w] = _times![row];
                }
                else
                {
                    if (duplicates == DuplicatePolicy.Error)
                        throw new InvalidDataException(
                            $"User '{users[u]}' has {groupEnd - k} interactions with item '{items[item]}' and the duplicate policy is Error.");
                    dup += groupEnd - k - 1;
                    Resolve(keys.AsSpan(k, groupEnd - k), duplicates, out var value, out var time);
                    outValues[w] = value;
                    if (outTimes is not null)
                        outTimes[w] = time;
                }
                w++;
                k = groupEnd;
            }
            outOffsets[u + 1] = w;
        }
        duplicateCount = dup;
        if (w < n)
        {
            Array.Resize(ref outItems, w);
            Array.Resize(ref outValues, w);
            if (outTimes is not null)
                Array.Resize(ref outTimes, w);
        }
        var times = outTimes is null ? null : TimeColumn.From(outTimes);
        return new InteractionData(users, items, outOffsets, outItems, outValues, times, kind, scale);
    }

    /// <summary>True when rows already come by user, then strictly ascending item: nothing to sort or merge.</summary>
    private bool IsCanonical()
    {
        for (var r = 1; r < _count; r++)
        {
            var u = _users[r];
            var previous = _users[r - 1];
            if (u < previous || (u == previous && _items[r] <= _items[r - 1]))
                return false;
        }
        return true;
    }

    // MovieLens CSV files are canonical once movies.csv has numbered the items, so this path skips 8 bytes a row of sort keys.
    private InteractionData Copy(FeedbackKind kind, RatingScale? scale, IdMap users, IdMap items, int[] offsets, out int duplicateCount)
    {
        duplicateCount = 0;
        var times = _times is null ? null : TimeColumn.From(_times.AsSpan(0, _count));
        return new InteractionData(users, items, offsets, _items.AsSpan(0, _count).ToArray(), _values.AsSpan(0, _count).ToArray(),
            times, kind, scale);
    }

    private static int Row(ReadOnlySpan<long> group, int g) => (int)(uint)group[g];

    private void Resolve(ReadOnlySpan<long> group, DuplicatePolicy policy, out float value, out long time)
    {
        var chosen = Row(group, 0);
        switch (policy)
        {
            case DuplicatePolicy.FirstInInput:
                break;
            case DuplicatePolicy.LastInInput:
                chosen = Row(group, group.Length - 1);
                break;
            case DuplicatePolicy.Sum:
            {
                var sum = 0f;
                var latest = long.MinValue;
                for (var g = 0; g < group.Length; g++)
                {
                    sum += _values[Row(group, g)];
                    if (_times is not null)
                        latest = Math.Max(latest, _times[Row(group, g)]);
                }
                value = sum;
                time = _times is null ? 0 : latest;
                return;
            }
            default:
                // Input order within the group is ascending, so ">=" lets later rows win ties.
                for (var g = 1; g < group.Length; g++)
                    if (_times is null || _times[Row(group, g)] >= _times[chosen])
                        chosen = Row(group, g);
                break;
        }
        value = _values[chosen];
        time = _times is null ? 0 : _times[chosen];
    }
}
