using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.ColdStart;
using RecLab.Recommenders.Content;
using RecLab.Recommenders.Factorization;
using RecLab.Recommenders.Hybrid;
using RecLab.Recommenders.Neighborhood;

namespace RecLab.Recommenders;

/// <summary>The one place where built-in algorithms get their registry names.</summary>
internal static class BuiltInRecommenders
{
    public static RecommenderRegistry Register(RecommenderRegistry registry) => registry
        .Add<RandomOptions>("random", "Uniformly random scores (seeded): the floor every model must beat.", o => new RandomRecommender(o))
        .Add<NoOptions>("oracle", "Synthetic worlds only: ranks by the world's true affinity, the ceiling of every ranking and A/B table.", o => new Oracle(o))
        .Add<MostPopularOptions>("most-popular", "Most interacted-with items (by count, or by damped mean rating).", o => new MostPopular(o))
        .Add<BiasedMfOptions>("biased-mf", "Biased matrix factorization by SGD (Funk/Koren; Surprise's SVD).", o => new BiasedMf(o))
        .Add<SvdPlusPlusOptions>("svdpp", "SVD++: biased MF plus the implicit feedback of which items each user rated (Koren 2008; Surprise's SVDpp).", o => new SvdPlusPlus(o))
        .Add<BprOptions>("bpr", "BPR-MF: pairwise ranking from implicit feedback by SGD (Rendle 2009; implicit's defaults).", o => new Bpr(o))
        .Add<NoOptions>("global-mean", "The mean training rating for every pair: the floor of rating prediction.", o => new GlobalMean(o))
        .Add<BiasOptions>("bias", "User+item bias baseline mu + b_u + b_i by ALS, SGD or damped means (Surprise's BaselineOnly).", o => new Bias(o))
        .Add<SegmentPopularityOptions>("segment-popularity", "Most popular within the user's segment of a user feature (e.g. age), global popularity otherwise.", o => new SegmentPopularity(o))
        .Add<UserKnnOptions>("user-knn", "User-based kNN rating prediction (Surprise's KNNBasic/KNNWithMeans/KNNBaseline, user_based).", o => new UserKnn(o))
        .Add<ItemKnnOptions>("item-knn", "Item-based kNN rating prediction (Surprise's KNNBasic/KNNWithMeans/KNNBaseline, item-based).", o => new ItemKnn(o))
        .Add<SlopeOneOptions>("slope-one", "Slope One: item-to-item mean rating deviations (Surprise's SlopeOne, or weighted).", o => new SlopeOne(o))
        .Add<ItemKnnImplicitOptions>("item-knn-implicit", "Item-item kNN for implicit feedback: cosine, asymmetric cosine, BM25 or TF-IDF (as implicit); sums neighbour similarities over the history.", o => new ItemKnnImplicit(o))
        .Add<SarOptions>("sar", "SAR (Microsoft Recommenders): affinity-weighted sums of Jaccard, lift or co-occurrence item similarities, optionally time-decayed.", o => new Sar(o))
        .Add<UserKnnImplicitOptions>("user-knn-implicit", "User-user kNN for implicit feedback: neighbours of the query history at query time, so onboarding users need no refit.", o => new UserKnnImplicit(o))
        .Add<ExplicitAlsOptions>("als", "Biased matrix factorization by alternating least squares on ratings (LensKit's BiasedMF).", o => new ExplicitAls(o))
        .Add<ImplicitAlsOptions>("implicit-als", "ALS for implicit feedback (Hu, Koren, Volinsky 2008) with conjugate-gradient row solves.", o => new ImplicitAls(o))
        .Add<PureSvdOptions>("pure-svd", "PureSVD (Cremonesi 2010): scores r_u·V·Vᵀ from a randomized truncated SVD of the rating matrix.", o => new PureSvd(o))
        .Add<EaseOptions>("ease", "EASE (Steck 2019): closed-form item-item weights from the inverse of the regularized item Gram matrix.", o => new Ease(o))
        .Add<ContentBasedOptions>("content-based", "Content-based: TF-IDF item profiles, user profile = rating-weighted mean of the history's profiles, cosine scores; serves onboarding users and new items.", o => new ContentBased(o))
        .Add<ClickModelOptions>("click-model", "Click-through model learned from the impression log by ML.NET (logistic regression, field-aware FM, or boosted trees by FastTree or LightGBM) on user, item, creator, context and position features; ranks by predicted CTR at the top slot.", o => new ClickModel(o))
        .Add<WeightedHybridOptions>("weighted-hybrid", "Weighted blend of per-query normalized scores of registered recommenders; weights fixed or fitted on a validation split (grid or least squares).", o => new WeightedHybrid(o, registry))
        .Add<LearningToRankOptions>("ltr", "Two-stage learning to rank: candidate generators' top items re-ranked by LambdaMART (ML.NET FastTree or LightGBM) on their scores, ranks, popularity, age, activity, content similarity and follows; learned on a validation split of the training data.", o => new LearningToRank(o, registry))
        .Add<SwitchingHybridOptions>("switching-hybrid", "Switches between registered recommenders by history length (e.g. popularity below 3, content-based below 20, a CF model above).", o => new SwitchingHybrid(o, registry))
        .Add<BanditRankerOptions>("epsilon-greedy", "A/B exploration arm: the base recommender's top candidates re-ranked online by posterior click rate, a random one in a share epsilon of slots; offline, its base.", o => new BanditRanker(BanditKind.EpsilonGreedy, o, registry))
        .Add<BanditRankerOptions>("thompson", "A/B exploration arm: the base recommender's top candidates re-ranked online by Thompson sampling of Beta click-rate posteriors; offline, its base.", o => new BanditRanker(BanditKind.Thompson, o, registry))
        .Add<BanditRankerOptions>("linucb", "A/B exploration arm: the base recommender's top candidates re-ranked online by LinUCB on their rank and topic; offline, its base.", o => new BanditRanker(BanditKind.LinUcb, o, registry))
        .Add<FeatureMfOptions>("lightfm", "Feature-augmented MF (LightFM-style): items and users as sums of feature embeddings plus offsets, WARP or BPR; new items get vectors from features.", o => new FeatureMf(o));
}
