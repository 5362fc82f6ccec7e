namespace RecLab.Recommenders;

/// <summary>
/// A registered algorithm and its options, unfitted: what a hybrid combines, a learning-to-rank model takes candidates
/// from, or a bandit re-ranks. A registry makes it (<see cref="RecommenderRegistry.Create(RecommenderSpec)"/>); experiment
/// files bind it as an <c>algorithms</c> entry is bound (<c>{kind: implicit-als, options: {factors: 64}}</c>, or just the
/// name for the defaults).
/// </summary>
public sealed record RecommenderSpec
{
    /// <summary>A registered algorithm with the given options (its defaults when null).</summary>
    public RecommenderSpec(string kind, RecommenderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        Options = options;
    }

    /// <summary>The registry name, e.g. <c>implicit-als</c>.</summary>
    public string Kind { get; init; }

    /// <summary>The algorithm's options; null for its defaults.</summary>
    public RecommenderOptions? Options { get; init; }

    /// <summary>The algorithm by name with its default options, so C# reads <c>Components = ["most-popular", "content-based"]</c>.</summary>
    public static implicit operator RecommenderSpec(string kind) => new(kind);

    /// <summary>True when <see cref="Options"/> is null or every option has its default value.</summary>
    public bool HasDefaultOptions => ChangedOptions().Count == 0;

    /// <summary>The options that differ from their defaults, in declaration order, as snake_case keys and invariant text.</summary>
    public IReadOnlyList<(string Key, string Value)> ChangedOptions()
    {
        if (Options is null)
            return [];
        var defaults = Activator.CreateInstance(Options.GetType());
        return OptionsBinder.Settable(Options.GetType())
            .Select(p => (p.Name, Value: OptionsBinder.Format(p.GetValue(Options)), Default: OptionsBinder.Format(p.GetValue(defaults))))
            .Where(p => p.Value != p.Default)
            .Select(p => (Naming.Snake(p.Name), p.Value))
            .ToList();
    }

    /// <summary>
    /// Errors of the options of <paramref name="specs"/>, each named by its place and kind (<c>[1] implicit-als: factors
    /// must be ...</c>), for the <see cref="RecommenderOptions.Validate"/> of an algorithm made of others. Kinds are the
    /// registry's to check: an options record cannot know which registry it will meet.
    /// </summary>
    public static IEnumerable<OptionError> Check(string property, IReadOnlyList<RecommenderSpec> specs)
    {
        if (specs.Count == 0)
            yield return new OptionError(property, "must name at least one registered recommender");
        for (var k = 0; k < specs.Count; k++)
        {
            if (specs[k] is not { } spec)
            {
                yield return new OptionError(property, $"[{k}] is null");
                continue;
            }
            foreach (var e in spec.Options?.Check() ?? [])
                yield return new OptionError(property, $"[{k}] {spec.Kind}: option {e.Property} {e.Message}");
        }
    }

    /// <summary>The kind, then the options that differ from the defaults: <c>implicit-als:factors=64;iterations=15</c>.</summary>
    public override string ToString()
    {
        var changed = ChangedOptions();
        return changed.Count == 0 ? Kind : $"{Kind}:{string.Join(";", changed.Select(c => $"{c.Key}={c.Value}"))}";
    }
}
