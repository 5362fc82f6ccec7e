using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;

namespace RecLab.Recommenders;

/// <summary>The one place where built-in algorithms get their registry names.</summary>
internal static class BuiltInRecommenders
{
    public static RecommenderRegistry Register(RecommenderRegistry registry) => registry
        .Add<RandomOptions>("random", "Uniformly random scores (seeded): the floor every model must beat.", o => new RandomRecommender(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items (by count, or by damped mean rating).", o => new MostPopular(o))
        .Add<BiasedMfOptions>("biased-mf", "Biased matrix factorization by SGD (Funk/Koren; Surprise's SVD).", o => new BiasedMf(o))
        .Add<SvdPlusPlusOptions>("svdpp", "SVD++: biased MF plus the implicit feedback of which items each user rated (Koren 2008; Surprise's SVDpp).", o => new SvdPlusPlus(o))
        .Add<BprOptions>("bpr", "BPR-MF: pairwise ranking from implicit feedback by SGD (Rendle 2009; implicit's defaults).", o => new Bpr(o));
}
