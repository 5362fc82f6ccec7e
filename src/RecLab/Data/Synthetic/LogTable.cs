namespace RecLab.Data.Synthetic;

/// <summary>
/// Logged impressions, column by column, in user order and then time order: who saw which item when, at which
/// slate position, with which logging propensity, and what they did.
/// </summary>
public sealed class LogTable
{
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly int[] _seconds;
    private readonly byte[] _positions;
    private readonly float[] _propensities;
    private readonly Engagement[] _outcomes;
    private readonly byte[] _ratings;

    internal LogTable(long startUnixSeconds, int[] users, int[] items, int[] seconds, byte[] positions, float[] propensities,
        Engagement[] outcomes, byte[] ratings)
    {
        StartUnixSeconds = startUnixSeconds;
        _users = users;
        _items = items;
        _seconds = seconds;
        _positions = positions;
        _propensities = propensities;
        _outcomes = outcomes;
        _ratings = ratings;
    }

    /// <summary>Number of rows.</summary>
    public int Count => _users.Length;

    /// <summary>Bytes of the columns.</summary>
    internal long SizeInBytes => (long)Count * (3 * sizeof(int) + sizeof(byte) + sizeof(float) + sizeof(Engagement) + sizeof(byte));

    /// <summary>Unix time of the first logged day's midnight (UTC).</summary>
    public long StartUnixSeconds { get; }

    /// <summary>User of each row.</summary>
    public ReadOnlySpan<int> Users => _users;

    /// <summary>Item of each row.</summary>
    public ReadOnlySpan<int> Items => _items;

    /// <summary>Time of each row, in seconds from <see cref="StartUnixSeconds"/>.</summary>
    public ReadOnlySpan<int> Seconds => _seconds;

    /// <summary>Slate position of each row (0 = top).</summary>
    public ReadOnlySpan<byte> Positions => _positions;

    /// <summary>
    /// Probability that the logging policy put this item at this position, given the items above it:
    /// <c>π(i) / (1 − Σ π(j) over the items above)</c>, with π the policy's mixture for that user and day.
    /// </summary>
    public ReadOnlySpan<float> Propensities => _propensities;

    /// <summary>What the user did (click, like, purchase).</summary>
    public ReadOnlySpan<Engagement> Outcomes => _outcomes;

    /// <summary>Rating 1–5 given after the click, or 0 when none.</summary>
    public ReadOnlySpan<byte> Ratings => _ratings;

    /// <summary>Unix timestamp of a row.</summary>
    public long Timestamp(int row) => StartUnixSeconds + _seconds[row];

    /// <summary>Day of a row (0 = first logged day).</summary>
    public int Day(int row) => _seconds[row] / 86_400;

    /// <summary>Concatenates the parts in order, releasing each once copied so that peak memory stays near one copy.</summary>
    internal static LogTable Concatenate(long start, LogChunk?[] parts)
    {
        var n = 0L;
        foreach (var p in parts)
            n += p?.Count ?? 0;
        if (n > Array.MaxLength)
            throw new InvalidOperationException($"The log has {n:N0} rows, more than an array holds; lower impression-log-share or the size.");
        var table = new LogTable(start, new int[n], new int[n], new int[n], new byte[n], new float[n], new Engagement[n], new byte[n]);
        var at = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            if (parts[k] is not { } part)
                continue;
            table.Fill(at, part.Users, part.Items, part.Seconds, part.Positions, part.Propensities, part.Outcomes, part.Ratings);
            at += part.Count;
            parts[k] = null;
        }
        return table;
    }

    internal void Fill(int at, ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<int> seconds, ReadOnlySpan<byte> positions,
        ReadOnlySpan<float> propensities, ReadOnlySpan<Engagement> outcomes, ReadOnlySpan<byte> ratings)
    {
        users.CopyTo(_users.AsSpan(at));
        items.CopyTo(_items.AsSpan(at));
        seconds.CopyTo(_seconds.AsSpan(at));
        positions.CopyTo(_positions.AsSpan(at));
        propensities.CopyTo(_propensities.AsSpan(at));
        outcomes.CopyTo(_outcomes.AsSpan(at));
        ratings.CopyTo(_ratings.AsSpan(at));
    }
}
