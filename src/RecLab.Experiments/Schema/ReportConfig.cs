namespace RecLab.Experiments.Schema;

/// <summary>What the experiment's report shows (the HTML report renders the charts; <c>summary.md</c> is always written).</summary>
public sealed record ReportConfig
{
    /// <summary>
    /// Charts of report.html, from: metric-bars (accuracy with interval error bars; other scales one chart each), metric-at-k
    /// (a metric at several list lengths), fit-cost (fit time against the first metric), grid-search (heatmap of a two-axis
    /// grid), per-user-distribution (boxes of per-user values), scaling (fit time and peak memory against training
    /// interactions, across datasets), ab-uplift, ab-daily and ab-regret (the ab_tests' uplifts, per-day metrics and cumulative regret
    /// against an oracle arm); popularity is
    /// not drawn yet.
    /// </summary>
    public IReadOnlyList<string> Charts { get; init; } = ["metric-bars", "fit-cost"];

    /// <summary>Every chart name the report knows.</summary>
    public static IReadOnlyList<string> KnownCharts { get; } =
        ["metric-bars", "metric-at-k", "fit-cost", "grid-search", "popularity", "per-user-distribution", "scaling", "ab-uplift", "ab-daily", "ab-regret"];
}
