namespace RecLab.Experiments.Schema;

/// <summary>A simulated A/B test on the synthetic world: arms are algorithms of this file.</summary>
public sealed record AbTestConfig
{
    /// <summary>Name of the test in reports.</summary>
    public required string Name { get; init; }

    /// <summary>Synthetic world preset the users come from (as in <c>synthetic:PRESET</c>).</summary>
    public string World { get; init; } = "small";

    /// <summary>Simulated days.</summary>
    public int Days { get; init; } = 14;

    /// <summary>Days before the test when every user is served by the first arm: their behaviour is the CUPED covariate (0: no CUPED).</summary>
    public int PreDays { get; init; } = 7;

    /// <summary>The arms; their traffic shares sum to 1.</summary>
    public required IReadOnlyList<AbArmConfig> Arms { get; init; }

    /// <summary>Metrics compared between arms: sessions, impressions, clicks, purchases (per user), ctr, conversion, revenue-per-user, margin-per-user, roas, creator-coverage.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = ["ctr", "revenue-per-user"];

    /// <summary>A brand campaign in every arm's sponsored slots (needed for <c>roas</c>); none: no sponsored slots.</summary>
    public CampaignConfig? Campaign { get; init; }

    /// <summary>Retrain every arm on its own logged feedback every this many days (the feedback loop); null: never.</summary>
    public int? RetrainEvery { get; init; }

    /// <summary>Every per-arm metric the simulator reports.</summary>
    public static IReadOnlyList<string> KnownMetrics { get; } = 
        ["sessions", "impressions", "clicks", "purchases", "ctr", "conversion", "revenue-per-user", "margin-per-user", "roas", "creator-coverage"];
}
