namespace RecLab.Data;

/// <summary>
/// Timestamps stored as 32-bit offsets from the earliest one when the span allows
/// (any second-resolution data within 68 years), else as 64-bit values.
/// </summary>
internal sealed class TimeColumn
{
    private readonly long _origin;
    private readonly int[]? _offsets;
    private readonly long[]? _raw;

    private TimeColumn(long origin, int[]? offsets, long[]? raw)
    {
        _origin = origin;
        _offsets = offsets;
        _raw = raw;
    }

    public static TimeColumn From(ReadOnlySpan<long> timestamps)
    {
        if (timestamps.IsEmpty)
            return new TimeColumn(0, [], null);
        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in timestamps)
        {
            if (t < min) min = t;
            if (t > max) max = t;
        }
        if (max - min > int.MaxValue)
            return new TimeColumn(0, null, timestamps.ToArray());
        var offsets = new int[timestamps.Length];
        for (var i = 0; i < offsets.Length; i++)
            offsets[i] = (int)(timestamps[i] - min);
        return new TimeColumn(min, offsets, null);
    }

    public int Count => _offsets?.Length ?? _raw!.Length;

    public long this[int row] => _offsets is not null ? _origin + _offsets[row] : _raw![row];

    public long SizeInBytes => _offsets is not null ? 4L * _offsets.Length : 8L * _raw!.Length;

    public TimeColumn Select(ReadOnlySpan<int> rows)
    {
        if (_offsets is not null)
        {
            var o = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
                o[i] = _offsets[rows[i]];
            return new TimeColumn(_origin, o, null);
        }
        var r = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            r[i] = _raw![rows[i]];
        return new TimeColumn(0, null, r);
    }

    public long[] ToArray()
    {
        var a = new long[Count];
        for (var i = 0; i < a.Length; i++)
            a[i] = this[i];
        return a;
    }
}
