namespace RecLab.Recommenders.ColdStart;

/// <summary>How a <see cref="BanditRanker"/> explores its base recommender's candidates online.</summary>
public enum BanditKind
{
    /// <summary>By the posterior mean click rate, a uniformly random candidate in a share ε of slots.</summary>
    EpsilonGreedy,

    /// <summary>By a draw from each candidate's Beta posterior of its click rate.</summary>
    Thompson,

    /// <summary>By the upper confidence bound of a ridge regression of clicks on the candidate's rank and topic (Li et al. 2010).</summary>
    LinUcb,
}
