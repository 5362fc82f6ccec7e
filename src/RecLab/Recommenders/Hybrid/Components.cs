using RecLab.Data;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// The registered recommenders a hybrid combines, each given as <c>name</c> or <c>name:key=value;key=value</c>:
/// <c>;</c> between options and <c>+</c> between list items (<c>content-based:fields=genre+tag</c>), because <c>,</c>
/// and <c>|</c> already separate the hybrid's own options and components on the command line. In YAML, <c>,</c> works too.
/// </summary>
internal static class Components
{
    /// <summary>A new, unfitted component; the registry's errors name the valid algorithms and options.</summary>
    public static IRecommender Create(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':');
        if (colon < 0)
            return RecommenderRegistry.Default.Get(spec.Trim()).Create();
        var pairs = OptionsBinder.ParsePairs(spec[(colon + 1)..].Replace(';', ','));
        foreach (var key in pairs.Keys.ToList())
            pairs[key] = pairs[key].Replace('+', '|');
        return RecommenderRegistry.Default.Create(spec[..colon].Trim(), pairs);
    }

    /// <summary>Errors for options validation: every component must parse.</summary>
    public static IEnumerable<OptionError> Check(string property, IReadOnlyList<string> specs)
    {
        if (specs.Count == 0)
            yield return new OptionError(property, "must name at least one registered recommender");
        foreach (var spec in specs)
        {
            string? error = null;
            try
            {
                Create(spec);
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
            {
                error = $"'{spec}': {e.Message}";
            }
            if (error is not null)
                yield return new OptionError(property, error);
        }
    }

    /// <summary>The feedback kinds every component accepts.</summary>
    public static FeedbackKinds Accepts(IEnumerable<IRecommender> components)
    {
        var kinds = FeedbackKinds.Any;
        foreach (var c in components)
            kinds &= c.Accepts;
        return kinds;
    }

    /// <summary>Fits component k with its own seed derived from the hybrid's.</summary>
    public static void Fit(IReadOnlyList<IRecommender> components, TrainingSet train, FitContext context)
    {
        for (var k = 0; k < components.Count; k++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            components[k].Fit(train, context with { Seed = Randomness.Seeds.Derive(context.Seed, (ulong)k) });
        }
    }
}
