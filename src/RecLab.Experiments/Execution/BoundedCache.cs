namespace RecLab.Experiments.Execution;

/// <summary>
/// A small thread-safe cache of expensive values (loaded datasets, built folds) keyed by their definition: each value
/// is built once even when several cells ask at the same time; beyond <c>capacity</c> the least recently used is
/// dropped (cells still holding it keep it alive until they finish).
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity) where TValue : class
{
    private readonly Dictionary<string, Lazy<TValue>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>Values built so far (cache misses), for tests and the manifest.</summary>
    public int Builds { get; private set; }

    public TValue Get(string key, Func<TValue> build)
    {
        Lazy<TValue> entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                entry = existing;
                _recent.Remove(key);
            }
            else
            {
                entry = new Lazy<TValue>(build, LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[key] = entry;
                Builds++;
                while (_entries.Count > capacity && _recent.Last is { } oldest)
                {
                    _entries.Remove(oldest.Value);
                    _recent.RemoveLast();
                }
            }
            _recent.AddFirst(key);
        }
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed build is not cached: the next cell that needs it tries again and records its own error.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                    _recent.Remove(key);
                }
            }
            throw;
        }
    }
}
