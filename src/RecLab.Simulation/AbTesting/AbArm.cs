using RecLab.Recommenders;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.AbTesting;

/// <summary>One arm of a simulated A/B test: the recommender serving it, how its slates are cut, and its traffic share.</summary>
public sealed record AbArm
{
    /// <summary>The arm's name in results (e.g. <c>control</c>, <c>implicit-als</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Makes a new, unfitted recommender; called for the first fit and for every retraining.</summary>
    public required Func<IRecommender> Recommender { get; init; }

    /// <summary>Share of users assigned to the arm (the shares of a test sum to at most 1; the rest is not in the test).</summary>
    public double Traffic { get; init; } = 0.5;

    /// <summary>How the arm's slates are cut from its rankings.</summary>
    public SlateOptions Slate { get; init; } = new();

    /// <summary>A campaign in the arm's sponsored slots, if any.</summary>
    public SponsoredSlots? Sponsored { get; init; }

    /// <summary>
    /// A known true effect, for checking the statistics: the arm's purchases are worth <c>(1 + RevenueEffect)</c> times
    /// the price, so revenue per user rises by exactly that fraction in expectation. 0 (no effect) for real comparisons.
    /// </summary>
    public double RevenueEffect { get; init; }

    /// <summary>
    /// A policy already fitted on the historical log, used instead of the first fit (A/A calibration reuses one across
    /// thousands of runs). Its own slate options and campaign apply.
    /// </summary>
    public Policy? Fitted { get; init; }

    /// <summary>An arm served by a registry algorithm spec such as <c>implicit-als:factors=32</c>; the spec is validated now.</summary>
    /// <exception cref="KeyNotFoundException">Unknown algorithm.</exception>
    /// <exception cref="ArgumentException">Bad options.</exception>
    public static AbArm FromSpec(string spec, double traffic, string? name = null, RecommenderRegistry? registry = null)
    {
        var r = registry ?? RecommenderRegistry.Default;
        _ = r.Parse(spec);
        return new AbArm { Name = name ?? spec.Trim(), Recommender = () => r.Parse(spec), Traffic = traffic };
    }
}
