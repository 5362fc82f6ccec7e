using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Economics;

namespace RecLab.Simulation.AbTesting;

/// <summary>
/// A simulated A/B test: arms, days, an optional pre-period (everyone on the first arm, for CUPED), retraining, the
/// assignment salt and the seed. The test starts the day after the world's historical log ends.
/// </summary>
public sealed record AbTestOptions
{
    /// <summary>The arms; the first is the control every other arm is compared with.</summary>
    public required IReadOnlyList<AbArm> Arms { get; init; }

    /// <summary>Simulated test days.</summary>
    public int Days { get; init; } = 14;

    /// <summary>Days before the test during which every assigned user is served by the control arm (0: no pre-period, no CUPED).</summary>
    public int PreDays { get; init; } = 7;

    /// <summary>Retrain every arm every this many days on the historical log plus what its own users did; null: never.</summary>
    public int? RetrainEvery { get; init; }

    /// <summary>Seed of every user's behaviour and of every fit.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Salt of the assignment hash: a new salt reshuffles users between arms; the same salt keeps them.</summary>
    public string Salt { get; init; } = "reclab";

    /// <summary>How users spend their attention.</summary>
    public BehaviourOptions Behaviour { get; init; } = new();

    /// <summary>Money rules.</summary>
    public EconomicsOptions Economics { get; init; } = new();

    /// <summary>Most threads; null for all cores. Results do not depend on it.</summary>
    public int? MaxThreads { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">Every problem found.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Arms.Count < 1)
            problems.Add("a test needs at least one arm");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in Arms)
        {
            if (string.IsNullOrWhiteSpace(arm.Name))
                problems.Add("every arm needs a name");
            else if (!names.Add(arm.Name))
                problems.Add($"two arms are named '{arm.Name}'");
            if (!(arm.Traffic is > 0 and <= 1))
                problems.Add($"arm '{arm.Name}': traffic must be in (0, 1] (got {arm.Traffic})");
            if (!(arm.RevenueEffect > -1 && double.IsFinite(arm.RevenueEffect)))
                problems.Add($"arm '{arm.Name}': revenue effect must be above -1 (got {arm.RevenueEffect})");
        }
        var total = Arms.Sum(a => a.Traffic);
        if (total > 1 + 1e-9)
            problems.Add($"traffic shares sum to {total:0.###}, more than 1");
        if (Days < 1)
            problems.Add($"days must be at least 1 (got {Days})");
        if (PreDays < 0)
            problems.Add($"pre-days must be 0 or more (got {PreDays})");
        if (RetrainEvery is < 1)
            problems.Add($"retrain-every must be at least 1 (got {RetrainEvery})");
        if (MaxThreads is < 1)
            problems.Add($"max threads must be at least 1 (got {MaxThreads})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid A/B test: " + string.Join("; ", problems) + ".");
        Behaviour.Validate();
        Economics.Validate();
    }
}
