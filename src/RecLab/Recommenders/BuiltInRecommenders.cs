using RecLab.Recommenders.Baselines;

namespace RecLab.Recommenders;

/// <summary>The one place where built-in algorithms get their registry names.</summary>
internal static class BuiltInRecommenders
{
    public static RecommenderRegistry Register(RecommenderRegistry registry) => registry
        .Add<RandomOptions>("random", "Uniformly random scores (seeded): the floor every model must beat.", o => new RandomRecommender(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items (by count, or by damped mean rating).", o => new MostPopular(o));
}
