namespace RecLab.Recommenders;

/// <summary>A registered algorithm: its name, what it is, its options type and how to build it.</summary>
public sealed class RecommenderInfo
{
    private readonly Func<RecommenderOptions, IRecommender> _factory;

    internal RecommenderInfo(string name, string description, Type optionsType, Func<RecommenderOptions, IRecommender> factory)
    {
        Name = name;
        Description = description;
        OptionsType = optionsType;
        _factory = factory;
    }

    /// <summary>Registry name, e.g. <c>item-knn</c>.</summary>
    public string Name { get; }

    /// <summary>One line about the algorithm.</summary>
    public string Description { get; }

    /// <summary>The typed options record (the YAML schema of its <c>options</c> block).</summary>
    public Type OptionsType { get; }

    /// <summary>Its options with defaults.</summary>
    public RecommenderOptions DefaultOptions() => (RecommenderOptions)Activator.CreateInstance(OptionsType)!;

    /// <summary>Its documented hyper-parameters.</summary>
    public IReadOnlyList<OptionInfo> Options => OptionsBinder.DescribeOptions(OptionsType);

    /// <summary>The feedback kinds it accepts (read from a default instance).</summary>
    public Data.FeedbackKinds Accepts => Create().Accepts;

    /// <summary>A new, unfitted instance with the given options (defaults when null).</summary>
    public IRecommender Create(RecommenderOptions? options = null)
    {
        options ??= DefaultOptions();
        if (options.GetType() != OptionsType)
            throw new ArgumentException($"{Name} takes {OptionsType.Name}, not {options.GetType().Name}.", nameof(options));
        return _factory(options);
    }
}
