using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Experiments.Tests.Support;

/// <summary>A fixed registry (random, most-popular), so expected messages do not change as algorithms are added.</summary>
public static class TestRegistry
{
    public static RecommenderRegistry Baselines { get; } = new RecommenderRegistry()
        .Add<RandomOptions>("random", "Uniformly random scores.", o => new RandomRecommender(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items.", o => new MostPopular(o));

    /// <summary>most-popular, random and <see cref="Explodes"/>, whose every cell fails.</summary>
    public static RecommenderRegistry WithFailing { get; } = new RecommenderRegistry()
        .Add<MostPopularOptions>("most-popular", "popular", o => new MostPopular(o))
        .Add<RandomOptions>("random", "random", o => new RandomRecommender(o))
        .Add<NoOptions>("explodes", "throws in Fit", _ => new Explodes());
}
