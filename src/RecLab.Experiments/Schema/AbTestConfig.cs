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

    /// <summary>The arms; their traffic shares sum to 1.</summary>
    public required IReadOnlyList<AbArmConfig> Arms { get; init; }

    /// <summary>Per-arm metrics: impressions, ctr, conversion, revenue-per-user, roas, creator-coverage.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = ["ctr", "revenue-per-user"];

    /// <summary>Retrain every arm on its own logged feedback every this many days (the feedback loop); null: never.</summary>
    public int? RetrainEvery { get; init; }

    /// <summary>Every per-arm metric the simulator reports.</summary>
    public static IReadOnlyList<string> KnownMetrics { get; } = ["impressions", "ctr", "conversion", "revenue-per-user", "roas", "creator-coverage"];
}
