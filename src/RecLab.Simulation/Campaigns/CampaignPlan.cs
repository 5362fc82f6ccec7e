namespace RecLab.Simulation.Campaigns;

/// <summary>
/// The creators a campaign buys, in the order chosen, each with what it adds (its target followers not reached through
/// an earlier one), and every reached user's channel: the creator through whom that user sees, and is charged for, the campaign.
/// </summary>
public sealed record CampaignPlan
{
    /// <summary>The brief planned for.</summary>
    public required CampaignBrief Brief { get; init; }

    /// <summary>How the creators were picked.</summary>
    public required PlanStrategy Strategy { get; init; }

    /// <summary>The chosen creators, in the order chosen, with their marginal forecasts.</summary>
    public required IReadOnlyList<CreatorForecast> Creators { get; init; }

    /// <summary>User → the creator through whom the user is reached.</summary>
    public required IReadOnlyDictionary<int, int> Channels { get; init; }

    /// <summary>Target users reached.</summary>
    public int Reach => Channels.Count;

    /// <summary>Expected spend, dollars (at most the budget).</summary>
    public double ExpectedCost => Creators.Sum(c => c.ExpectedCost);

    /// <summary>Expected attributed revenue, dollars.</summary>
    public double ExpectedRevenue => Creators.Sum(c => c.ExpectedRevenue);

    /// <summary>Expected revenue per ad dollar.</summary>
    public double ExpectedRoas => ExpectedCost > 0 ? ExpectedRevenue / ExpectedCost : 0;

    /// <summary>The plan as sponsored slots for an A/B arm or a policy.</summary>
    public Policies.SponsoredSlots Slots() => Brief.Slots(Channels);
}
