using RecLab.Simulation.Campaigns;

namespace RecLab.Experiments.Schema;

/// <summary>One arm of an A/B test.</summary>
public sealed record AbArmConfig
{
    /// <summary>Arm name; defaults to the algorithm's name.</summary>
    public string? Name { get; init; }

    /// <summary>The algorithm (a name from <c>algorithms</c>, without a grid) serving this arm.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Share of users assigned to this arm (0 to 1; the shares of a test sum to 1).</summary>
    public required double Traffic { get; init; }

    /// <summary>
    /// An influencer plan for the test's campaign: <c>expected-roas</c> or <c>follower-count</c> buys creators with the
    /// campaign's budget and only their target followers see it, paid at each creator's fee; none: the platform's slots for everyone.
    /// </summary>
    public PlanStrategy? Plan { get; init; }
}
