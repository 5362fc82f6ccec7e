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
    public static RecommenderRegistry Default { get; } = WithBuiltIns();

    /// <summary>
    /// A new registry holding every built-in algorithm, to <see cref="Add{TOptions}"/> one's own to: its hybrids, learning
    /// to rank and bandits make their components from it, so they can combine the added algorithms too.
    /// </summary>
    public static RecommenderRegistry WithBuiltIns() => BuiltInRecommenders.Register(new RecommenderRegistry());

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

    /// <summary>A new, unfitted instance of a component's algorithm with its options (the defaults when it has none).</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the registered ones and suggests the closest.</exception>
    /// <exception cref="ArgumentException">Options of another algorithm, or out of range.</exception>
    public IRecommender Create(RecommenderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Get(spec.Kind).Create(spec.Options);
    }

    /// <summary>A component named in option <paramref name="option"/> of another algorithm; an unknown name is that option's error.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the registered ones), or options of another algorithm.</exception>
    internal IRecommender CreateComponent(RecommenderSpec spec, string option)
    {
        try
        {
            return Create(spec);
        }
        catch (KeyNotFoundException e)
        {
            throw new ArgumentException($"option {option}: {e.Message}", e);
        }
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
