namespace RecLab.Recommenders.Hybrid;

/// <summary>The LambdaMART implementation behind <see cref="LearningToRank"/>.</summary>
public enum RankerLearner
{
    /// <summary>ML.NET's <c>FastTreeRankingTrainer</c> (LambdaMART, NDCG gains).</summary>
    FastTree,

    /// <summary>LightGBM's <c>lambdarank</c> objective through ML.NET.</summary>
    LightGbm,
}
