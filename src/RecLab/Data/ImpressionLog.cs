namespace RecLab.Data;

/// <summary>
/// Logged impressions, column by column: who was shown which item, at which slate position (0 = top), whether they
/// clicked, with which logging propensity and when. Click models learn from it, and off-policy estimators weight
/// its rows by the propensities. Rows keep the order they were given in (a log is usually in time order per user).
/// </summary>
/// <remarks>Shares the user and item id maps of the dataset it belongs to, like every other part of a dataset.</remarks>
public sealed class ImpressionLog
{
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly int[] _positions;
    private readonly bool[] _clicked;
    private readonly float[]? _propensities;
    private readonly long[]? _timestamps;

    /// <summary>Creates a log from its columns (all the same length; propensities and timestamps may be absent).</summary>
    /// <exception cref="ArgumentException">Columns of different lengths, an index outside the id maps, a negative position, or a propensity outside (0, 1].</exception>
    public ImpressionLog(IdMap users, IdMap items, int[] userColumn, int[] itemColumn, int[] positions, bool[] clicked,
        float[]? propensities = null, long[]? timestamps = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        var n = userColumn.Length;
        if (itemColumn.Length != n || positions.Length != n || clicked.Length != n
            || (propensities is not null && propensities.Length != n) || (timestamps is not null && timestamps.Length != n))
            throw new ArgumentException("Every column of an impression log must have one value per row.");
        for (var r = 0; r < n; r++)
        {
            if ((uint)userColumn[r] >= (uint)users.Count || (uint)itemColumn[r] >= (uint)items.Count)
                throw new ArgumentException($"Row {r}: user {userColumn[r]} or item {itemColumn[r]} is outside the id maps.");
            if (positions[r] < 0)
                throw new ArgumentException($"Row {r}: position {positions[r]} is negative.");
            if (propensities is not null && !(propensities[r] > 0 && propensities[r] <= 1))
                throw new ArgumentException($"Row {r}: propensity {propensities[r]} is outside (0, 1].");
        }
        Users = users;
        Items = items;
        _users = userColumn;
        _items = itemColumn;
        _positions = positions;
        _clicked = clicked;
        _propensities = propensities;
        _timestamps = timestamps;
    }

    /// <summary>The user id map (the same instance as the interaction data's).</summary>
    public IdMap Users { get; }

    /// <summary>The item id map (the same instance as the interaction data's).</summary>
    public IdMap Items { get; }

    /// <summary>Number of impressions.</summary>
    public int Count => _users.Length;

    /// <summary>User of each row.</summary>
    public ReadOnlySpan<int> UserColumn => _users;

    /// <summary>Item of each row.</summary>
    public ReadOnlySpan<int> ItemColumn => _items;

    /// <summary>Slate position of each row (0 = top).</summary>
    public ReadOnlySpan<int> Positions => _positions;

    /// <summary>True where the impression was clicked.</summary>
    public ReadOnlySpan<bool> Clicked => _clicked;

    /// <summary>True when every row carries the logging policy's propensity.</summary>
    public bool HasPropensities => _propensities is not null;

    /// <summary>Probability that the logging policy showed this item at this position (empty when not logged).</summary>
    public ReadOnlySpan<float> Propensities => _propensities;

    /// <summary>True when every row has a timestamp.</summary>
    public bool HasTimestamps => _timestamps is not null;

    /// <summary>Unix time of each row (empty when not logged).</summary>
    public ReadOnlySpan<long> Timestamps => _timestamps;

    /// <summary>Number of clicked rows.</summary>
    public int ClickCount
    {
        get
        {
            var clicks = 0;
            foreach (var c in _clicked)
                if (c)
                    clicks++;
            return clicks;
        }
    }

    /// <summary>The rows at the given positions (in the order given), sharing the id maps.</summary>
    public ImpressionLog Subset(ReadOnlySpan<int> rows)
    {
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var positions = new int[rows.Length];
        var clicked = new bool[rows.Length];
        var propensities = _propensities is null ? null : new float[rows.Length];
        var timestamps = _timestamps is null ? null : new long[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            users[k] = _users[r];
            items[k] = _items[r];
            positions[k] = _positions[r];
            clicked[k] = _clicked[r];
            if (propensities is not null)
                propensities[k] = _propensities![r];
            if (timestamps is not null)
                timestamps[k] = _timestamps![r];
        }
        return new ImpressionLog(Users, Items, users, items, positions, clicked, propensities, timestamps);
    }

    /// <summary>The rows for which <paramref name="keep"/> is true, in order.</summary>
    public ImpressionLog Where(Func<int, bool> keep)
    {
        var rows = new List<int>();
        for (var r = 0; r < Count; r++)
            if (keep(r))
                rows.Add(r);
        return rows.Count == Count ? this : Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
    }

    /// <summary>
    /// The part of the log a model fitted on <paramref name="train"/> may see, when <paramref name="all"/> is the whole
    /// dataset's interactions: a row is kept when its user and its item both have training interactions and its
    /// (user, item) pair is not held out (in <paramref name="all"/> but not in <paramref name="train"/>), and, when both
    /// have times, it is not later than the latest training interaction. So cold users' and new items' impressions, the
    /// clicks behind test interactions and the future of a temporal split never leak into training.
    /// </summary>
    public ImpressionLog ForTraining(InteractionData train, InteractionData all)
    {
        if (!ReferenceEquals(train.Users, Users) || !ReferenceEquals(train.Items, Items) || !ReferenceEquals(all.Users, Users))
            throw new ArgumentException("The impression log and the interactions must share id maps.");
        if (ReferenceEquals(train, all))
            return this;
        var byUser = train.ByUser;
        var byItem = train.ByItem;
        var allByUser = all.ByUser;
        var latest = long.MaxValue;
        if (train.HasTimestamps && _timestamps is not null && train.Count > 0)
        {
            latest = long.MinValue;
            for (var row = 0; row < train.Count; row++)
                latest = Math.Max(latest, train.TimestampAt(row));
        }
        return Where(r =>
        {
            int u = _users[r], i = _items[r];
            if (byUser.RowLength(u) == 0 || byItem.RowLength(i) == 0 || (_timestamps is not null && _timestamps[r] > latest))
                return false;
            return byUser.RowIndices(u).BinarySearch(i) >= 0 || allByUser.RowIndices(u).BinarySearch(i) < 0;
        });
    }

    /// <summary>
    /// Row numbers in time order (stable: rows with equal times keep their order); the given order when there are no
    /// timestamps.
    /// </summary>
    public int[] TimeOrder() => Order(byUser: false);

    /// <summary>Row numbers by user, then time (stable), for replaying each user's log in order.</summary>
    public int[] TimeOrderByUser() => Order(byUser: true);

    private int[] Order(bool byUser)
    {
        var rows = new int[Count];
        for (var r = 0; r < rows.Length; r++)
            rows[r] = r;
        var times = _timestamps;
        var users = _users;
        // Array.Sort is unstable; the row number as the last key makes the order stable.
        Array.Sort(rows, (a, b) =>
        {
            var c = byUser ? users[a].CompareTo(users[b]) : 0;
            if (c == 0 && times is not null)
                c = times[a].CompareTo(times[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return rows;
    }
}
