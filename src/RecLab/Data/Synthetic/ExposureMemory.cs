namespace RecLab.Data.Synthetic;

/// <summary>
/// Recent exposures of one user to each creator: +1 per impression, multiplied by the daily decay at the end of
/// each day, forgotten below <see cref="ForgetBelow"/>. A short list scanned with a vectorized search: a user sees
/// a few dozen creators a week, so this beats a hash map and needs no per-user dense array.
/// </summary>
internal sealed class ExposureMemory
{
    /// <summary>Exposure left after decay below which a creator is forgotten.</summary>
    public const float ForgetBelow = 0.01f;

    private int[] _creators = new int[16];
    private float[] _amounts = new float[16];
    private int _count;

    public float Of(int creator)
    {
        var k = _creators.AsSpan(0, _count).IndexOf(creator);
        return k < 0 ? 0f : _amounts[k];
    }

    public void Add(int creator, float amount = 1f) => AddAndGetPrevious(creator, amount);

    /// <summary>Adds an exposure and returns the amount before it (one scan instead of two).</summary>
    public float AddAndGetPrevious(int creator, float amount = 1f)
    {
        var k = _creators.AsSpan(0, _count).IndexOf(creator);
        if (k >= 0)
        {
            var previous = _amounts[k];
            _amounts[k] = previous + amount;
            return previous;
        }
        if (_count == _creators.Length)
        {
            Array.Resize(ref _creators, _count * 2);
            Array.Resize(ref _amounts, _count * 2);
        }
        _creators[_count] = creator;
        _amounts[_count] = amount;
        _count++;
        return 0f;
    }

    public void EndDay(float decay)
    {
        var w = 0;
        for (var k = 0; k < _count; k++)
        {
            var a = _amounts[k] * decay;
            if (a < ForgetBelow)
                continue;
            _creators[w] = _creators[k];
            _amounts[w] = a;
            w++;
        }
        _count = w;
    }

    public void Clear() => _count = 0;
}
