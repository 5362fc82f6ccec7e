namespace RecLab.Experiments.Schema;

/// <summary>What the experiment's report shows (the HTML report renders the charts; <c>summary.md</c> is always written).</summary>
public sealed record ReportConfig
{
    /// <summary>Charts, from: metric-bars, metric-at-k, fit-cost, grid-search, popularity, per-user-distribution, ab-uplift, ab-daily.</summary>
    public IReadOnlyList<string> Charts { get; init; } = ["metric-bars", "fit-cost"];

    /// <summary>Every chart name the report knows.</summary>
    public static IReadOnlyList<string> KnownCharts { get; } =
        ["metric-bars", "metric-at-k", "fit-cost", "grid-search", "popularity", "per-user-distribution", "ab-uplift", "ab-daily"];
}
