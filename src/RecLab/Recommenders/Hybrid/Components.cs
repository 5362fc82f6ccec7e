using RecLab.Data;

namespace RecLab.Recommenders.Hybrid;

/// <summary>What every hybrid does with its components: make them from one registry, intersect what they accept, fit each with its own seed.</summary>
internal static class Components
{
    /// <summary>New, unfitted components of option <paramref name="option"/>; the registry's errors name the valid algorithms and options.</summary>
    public static IRecommender[] Create(RecommenderRegistry registry, IReadOnlyList<RecommenderSpec> specs, string option) =>
        specs.Select(spec => registry.CreateComponent(spec, option)).ToArray();

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
