namespace RecLab.Simulation.Campaigns;

/// <summary>
/// What a campaign can expect from one creator's target followers: how many there are, how many sponsored impressions
/// they will see, what those cost at the creator's fee, and the attributed revenue the world's ground truth predicts.
/// </summary>
/// <param name="Creator">World creator index.</param>
/// <param name="Followers">All of the creator's followers.</param>
/// <param name="Reach">Followers in the target segment (in a plan: those not already reached through an earlier creator).</param>
/// <param name="ExpectedImpressions">Expected sponsored impressions to <paramref name="Reach"/> over the campaign.</param>
/// <param name="ExpectedCost">Expected fees, dollars.</param>
/// <param name="ExpectedRevenue">Expected attributed revenue, dollars.</param>
public sealed record CreatorForecast(int Creator, int Followers, int Reach, double ExpectedImpressions, double ExpectedCost, double ExpectedRevenue)
{
    /// <summary>Expected revenue per ad dollar (0 when nothing is spent).</summary>
    public double ExpectedRoas => ExpectedCost > 0 ? ExpectedRevenue / ExpectedCost : 0;
}
