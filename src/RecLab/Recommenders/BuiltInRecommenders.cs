using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;

namespace RecLab.Recommenders;

/// <summary>The one place where built-in algorithms get their registry names.</summary>
internal static class BuiltInRecommenders
{
    public static RecommenderRegistry Register(RecommenderRegistry registry) => registry
        .Add<RandomOptions>("random", "Uniformly random scores (seeded): the floor every model must beat.", o => new RandomRecommender(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items (by count, or by damped mean rating).", o => new MostPopular(o))
        .Add<ExplicitAlsOptions>("als", "Biased matrix factorization by alternating least squares on ratings (LensKit's BiasedMF).", o => new ExplicitAls(o))
        .Add<ImplicitAlsOptions>("implicit-als", "ALS for implicit feedback (Hu, Koren, Volinsky 2008) with conjugate-gradient row solves.", o => new ImplicitAls(o))
        .Add<PureSvdOptions>("pure-svd", "PureSVD (Cremonesi 2010): scores r_u·V·Vᵀ from a randomized truncated SVD of the rating matrix.", o => new PureSvd(o))
        .Add<EaseOptions>("ease", "EASE (Steck 2019): closed-form item-item weights from the inverse of the regularized item Gram matrix.", o => new Ease(o));
}
