namespace RecLab.Recommenders;

/// <summary>
/// Names to algorithms, for the command line and YAML: <c>registry.Add&lt;ItemKnnOptions&gt;("item-knn", ..., o =&gt; new ItemKnn(o))</c>.
/// Config becomes objects only through here, never by reflection on class names.
/// </summary>
public sealed class RecommenderRegistry
{
    private readonly Dictionary<string, RecommenderInfo> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecommenderInfo> _order = [];

    /// <summary>Every built-in algorithm.</summary>
    public static RecommenderRegistry Default { get; } = BuiltInRecommenders.Register(new RecommenderRegistry());

    /// <summary>Registers an algorithm; names are unique (case-insensitive).</summary>
    public RecommenderRegistry Add<TOptions>(string name, string description, Func<TOptions, IRecommender> factory)
        where TOptions : RecommenderOptions, new()
    {
        var info = new RecommenderInfo(name, description, typeof(TOptions), o => factory((TOptions)o));
        if (!_entries.TryAdd(name, info))
            throw new ArgumentException($"An algorithm named '{name}' is already registered.", nameof(name));
        _order.Add(info);
        return this;
    }

    /// <summary>All registered algorithms, in registration order.</summary>
    public IReadOnlyList<RecommenderInfo> All => _order;

    /// <summary>Registered names.</summary>
    public IEnumerable<string> Names => _order.Select(i => i.Name);

    /// <summary>Finds an algorithm by name.</summary>
    public bool TryGet(string name, out RecommenderInfo info) => _entries.TryGetValue(name, out info!);

    /// <summary>The algorithm with this name.</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the registered ones and suggests the closest.</exception>
    public RecommenderInfo Get(string name) =>
        _entries.TryGetValue(name, out var info)
            ? info
            : throw new KeyNotFoundException(
                $"Unknown algorithm '{name}'{DidYouMean.Hint(name, Names)}. Available: {string.Join(", ", Names)}.");

    /// <summary>A new instance with options given as <c>key=value</c> text.</summary>
    public IRecommender Create(string name, IReadOnlyDictionary<string, string> options)
    {
        var info = Get(name);
        return info.Create(OptionsBinder.Bind(info.OptionsType, options, info.Name));
    }

    /// <summary>
    /// Parses <c>name</c> or <c>name:key=value,key=value</c> (the command line's <c>--algo</c>) into an instance.
    /// </summary>
    public IRecommender Parse(string spec)
    {
        var colon = spec.IndexOf(':');
        return colon < 0
            ? Get(spec.Trim()).Create()
            : Create(spec[..colon].Trim(), OptionsBinder.ParsePairs(spec[(colon + 1)..]));
    }
}
