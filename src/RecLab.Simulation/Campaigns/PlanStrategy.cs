namespace RecLab.Simulation.Campaigns;

/// <summary>How a campaign plan picks its creators.</summary>
public enum PlanStrategy
{
    /// <summary>Greedily by expected return on ad spend over the target followers not yet reached.</summary>
    ExpectedRoas,

    /// <summary>The usual heuristic: the creators with the most followers (in the brand's topics) first.</summary>
    FollowerCount,
}
