using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Experiments.Tests.Support;

/// <summary>A fixed registry (random, most-popular), so expected messages do not change as algorithms are added.</summary>
public static class TestRegistry
{
    public static RecommenderRegistry Baselines { get; } = new RecommenderRegistry()
        .Add<RandomOptions>("random", "Uniformly random scores.", o => new RandomRecommender(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items.", o => new MostPopular(o));
}
